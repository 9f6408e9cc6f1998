package io.annal.projection.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Runs work in one transaction on a connection of its own, rolling back on any failure. */
final class Transactions {

    private Transactions() {}

    static <T> T inTransaction(DataSource source, SqlWork<T> work) throws Exception {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable t) {
                rollbackQuietly(connection, t);
                throw t;
            }
        }
    }

    /**
     * Runs reads in one snapshot without taking a writer's lock: SQLite's writers begin IMMEDIATE,
     * so readers open a deferred transaction by hand.
     */
    static <T> T readOnly(DataSource source, SqlDialect dialect, SqlWork<T> work) throws Exception {
        if (dialect != SqlDialect.SQLITE) {
            return inTransaction(source, work);
        }
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("BEGIN DEFERRED");
            try {
                return work.run(connection);
            } finally {
                statement.execute("COMMIT");
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
