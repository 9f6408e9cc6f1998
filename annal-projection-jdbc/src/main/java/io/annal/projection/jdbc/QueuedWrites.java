package io.annal.projection.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The writes a handler queued in one transaction. Consecutive writes of the same SQL text go to
 * the database as one JDBC batch, one round trip instead of one each; a write of another text
 * sends the queued ones first, so the database applies them in the order they were made.
 */
final class QueuedWrites {

    /** Bounds the rows held in the driver when a handler writes many rows per event. */
    private static final int MAX_QUEUED = 8192;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private PreparedStatement open;
    private int queued;

    QueuedWrites(Connection connection) {
        this.connection = connection;
    }

    void add(String sql, Object... parameters) throws SQLException {
        Objects.requireNonNull(sql, "sql");
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        if (statement != open || queued >= MAX_QUEUED) {
            flush();
        }
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        statement.addBatch();
        open = statement;
        queued++;
    }

    /** Sends what is queued; a failure names the statement's own error, not the batch's wrapper. */
    void flush() throws SQLException {
        if (open == null) {
            return;
        }
        PreparedStatement sending = open;
        open = null;
        queued = 0;
        try {
            sending.executeBatch();
        } catch (BatchUpdateException e) {
            SQLException cause = e.getNextException();
            if (cause == null) {
                throw e;
            }
            throw new SQLException(cause.getMessage(), cause.getSQLState(), e);
        }
    }

    /** Closes the statements; whatever was still queued is dropped with the transaction. */
    void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        statements.clear();
        open = null;
        if (first != null) {
            throw first;
        }
    }
}
