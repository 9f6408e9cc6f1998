package io.annal.projection.jdbc;

/** The few places where SQLite and PostgreSQL disagree. */
public enum SqlDialect {
    /** Transactions begin IMMEDIATE, so the whole database is locked for the writer already. */
    SQLITE(""),
    POSTGRESQL(" FOR UPDATE");

    private final String lockRow;

    SqlDialect(String lockRow) {
        this.lockRow = lockRow;
    }

    /** What to add to a SELECT so that the checkpoint row stays locked until commit. */
    String lockRow() {
        return lockRow;
    }
}
