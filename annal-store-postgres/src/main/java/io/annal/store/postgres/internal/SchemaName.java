package io.annal.store.postgres.internal;

import java.util.regex.Pattern;

/**
 * The store's PostgreSQL schema. Only plain lower-case identifiers are accepted, short enough that
 * the notification channel derived from them stays within PostgreSQL's 63-byte name limit; the
 * name is still quoted wherever it appears in SQL.
 */
public record SchemaName(String value) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,47}");

    public SchemaName {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("schema name must be 1 to 48 lower-case letters, digits or"
                    + " underscores, not starting with a digit (got '" + value + "')");
        }
        if (value.startsWith("pg_")) {
            throw new IllegalArgumentException("schema names starting with pg_ are reserved by PostgreSQL");
        }
    }

    /** The name as a quoted SQL identifier. */
    public String quoted() {
        return '"' + value + '"';
    }

    /** The LISTEN/NOTIFY channel on which appends to this schema are announced. */
    public String channel() {
        return "annal_appended_" + value;
    }
}
