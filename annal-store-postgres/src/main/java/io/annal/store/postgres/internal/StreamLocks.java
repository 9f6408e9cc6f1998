package io.annal.store.postgres.internal;

import io.annal.store.StreamName;
import io.annal.store.StreamState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Locks stream rows for the rest of the transaction, creating empty rows for names not seen before
 * so that two writers of a new stream also queue on its row. Rows are locked in name order, the
 * same in every transaction, so that writers of overlapping streams do not deadlock.
 */
final class StreamLocks {

    private static final String ENSURE_ROWS = "INSERT INTO streams (name, sort_key)"
            + " SELECT n, k FROM unnest(?::text[], ?::bytea[]) AS u(n, k) ORDER BY n ON CONFLICT (name) DO NOTHING";
    private static final String LOCK_ROWS =
            "SELECT name, state, last_version FROM streams WHERE name = ANY (?) ORDER BY name FOR UPDATE";

    private StreamLocks() {}

    static Map<StreamName, StreamRecord> lock(Connection c, Collection<StreamName> names) throws SQLException {
        List<StreamName> sorted = names.stream().distinct().sorted().toList();
        String[] values = sorted.stream().map(StreamName::value).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement(ENSURE_ROWS)) {
            ps.setArray(1, c.createArrayOf("text", values));
            ps.setArray(
                    2,
                    c.createArrayOf("bytea", sorted.stream().map(SortKeys::of).toArray(byte[][]::new)));
            ps.executeUpdate();
        }
        Map<StreamName, StreamRecord> streams = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCK_ROWS)) {
            ps.setArray(1, c.createArrayOf("text", values));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StreamName name = new StreamName(rs.getString(1));
                    String state = rs.getString(2);
                    long last = rs.getLong(3);
                    if (rs.wasNull()) {
                        last = -1;
                    }
                    streams.put(
                            name,
                            new StreamRecord(name, Optional.ofNullable(state).map(StreamState::valueOf), last));
                }
            }
        }
        return streams;
    }
}
