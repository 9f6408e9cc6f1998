package io.annal.store.postgres.internal;

import io.annal.store.StorageException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns JDBC failures into the store's exceptions, with messages that say what to do. */
final class Failures {

    private Failures() {}

    /** Whether the failure means the connection or the server went away, not a problem with the request. */
    static boolean isConnectionLoss(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        return state == null
                || state.startsWith("08") // connection exception
                || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                || state.equals("53300"); // too many connections
    }

    static StorageException storage(String operation, SQLException e) {
        String advice = isConnectionLoss(e)
                ? "PostgreSQL is unreachable or restarting; the store reconnects by itself, retry shortly"
                : "see the cause";
        return new StorageException(
                operation + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + "); " + advice, e);
    }

    static StorageException appendNotAcknowledged(SQLException e, boolean mayHaveCommitted) {
        String outcome = mayHaveCommitted
                ? "the connection was lost while committing, so the events may or may not be stored: retry with"
                        + " the same event ids and the store will report a duplicate if they were"
                : "nothing was appended: retry with the same event ids";
        return new StorageException(
                "append was not acknowledged: " + e.getMessage() + " (SQLState " + e.getSQLState() + "); " + outcome,
                e);
    }
}
