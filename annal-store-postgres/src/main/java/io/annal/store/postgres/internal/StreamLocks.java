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
 * Locks streams for the rest of the transaction and reads their rows, creating empty rows for names
 * not seen before. The locks are the schema's {@code lock_streams} (migration V6): the advisory
 * locks every writer of a stream takes first, appends included, so a change made here is ordered
 * with the appends to the stream. The rows are read after the locks, so they show what every
 * earlier writer committed.
 */
final class StreamLocks {

    private static final String LOCK = "SELECT lock_streams(?::text[])";
    private static final String INSERT_MISSING = "INSERT INTO streams (name, sort_key)"
            + " SELECT n, k FROM unnest(?::text[], ?::bytea[]) AS u(n, k) ORDER BY n"
            + " ON CONFLICT (name) DO NOTHING";
    private static final String READ_ROWS = "SELECT name, state, last_version FROM streams WHERE name = ANY (?)";

    private StreamLocks() {}

    static Map<StreamName, StreamRecord> lock(Connection c, Collection<StreamName> names) throws SQLException {
        List<StreamName> distinct = names.stream().distinct().toList();
        String[] values = distinct.stream().map(StreamName::value).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setArray(1, c.createArrayOf("text", values));
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_MISSING)) {
            ps.setArray(1, c.createArrayOf("text", values));
            ps.setArray(
                    2,
                    c.createArrayOf("bytea", distinct.stream().map(SortKeys::of).toArray(byte[][]::new)));
            ps.executeUpdate();
        }
        Map<StreamName, StreamRecord> streams = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(READ_ROWS)) {
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
