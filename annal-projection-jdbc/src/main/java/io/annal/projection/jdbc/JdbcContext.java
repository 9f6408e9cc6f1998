package io.annal.projection.jdbc;

import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a SQL handler gets: the connection of the transaction that also stores the checkpoint, and
 * the names of this build's tables. Each build (generation) writes its own tables, {@code
 * balance_g2} for {@code balance}; queries read the plain name, a view switched to the serving
 * build. Handlers must not commit, roll back or change auto-commit.
 */
public final class JdbcContext {

    private static final Pattern LOGICAL = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final Connection connection;
    private final long generation;
    private final Optional<Set<String>> declared;

    private JdbcContext(Connection connection, long generation, Optional<Set<String>> declared) {
        this.connection = connection;
        this.generation = generation;
        this.declared = declared;
    }

    static JdbcContext applying(Connection connection, long generation) {
        return new JdbcContext(connection, generation, Optional.empty());
    }

    /** While preparing, every table named is recorded, to be served as a view later. */
    static JdbcContext preparing(Connection connection, long generation, Set<String> declared) {
        return new JdbcContext(connection, generation, Optional.of(declared));
    }

    public Connection connection() {
        return connection;
    }

    /** This build's table for {@code logical}, which queries read as a view named {@code logical}. */
    public String table(String logical) {
        String physical = name(logical);
        declared.ifPresent(set -> set.add(logical));
        return physical;
    }

    /** A name of this build for anything that is not a served table, such as an index. */
    public String name(String logical) {
        Objects.requireNonNull(logical, "logical");
        if (!LOGICAL.matcher(logical).matches()) {
            throw new IllegalArgumentException("a read-model name is 1 to 40 lower-case letters, digits or '_',"
                    + " starting with a letter (got '" + logical + "')");
        }
        return physical(logical, generation);
    }

    static String physical(String logical, long generation) {
        return logical + "_g" + generation;
    }
}
