package io.annal.store.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The schema-wide transaction lock that every append and every stream change takes first. Held
 * until commit, it makes the transactions that allocate positions run one after another, so that
 * a transaction's id, its positions and its commit all come in the same order (see ADR 0006).
 */
final class AppendLock {

    // The OFFSET 0 fence makes the lock come strictly before the transaction id is assigned.
    private static final String LOCK_THEN_ASSIGN_XID =
            "SELECT pg_current_xact_id() FROM (SELECT pg_advisory_xact_lock(?) OFFSET 0) AS locked";

    private AppendLock() {}

    /** Takes the lock in the connection's open transaction, then gives the transaction its id. */
    static void acquire(Connection c, SchemaName schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK_THEN_ASSIGN_XID)) {
            ps.setLong(1, schema.appendLockKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }
}
