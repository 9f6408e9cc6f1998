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
 * so that two writers of a new stream also queue on its row. Existing rows are locked first, then
 * missing ones inserted, each step in name order: a writer never waits for a row while holding a
 * row that the other writer needs first, so writers of overlapping streams do not deadlock.
 */
final class StreamLocks {

    private static final String LOCK_ROWS =
            "SELECT name, state, last_version FROM streams WHERE name = ANY (?) ORDER BY name FOR UPDATE";
    private static final String INSERT_MISSING = "INSERT INTO streams (name, sort_key)"
            + " SELECT n, k FROM unnest(?::text[], ?::bytea[]) AS u(n, k) ORDER BY n"
            + " ON CONFLICT (name) DO NOTHING RETURNING name";

    private StreamLocks() {}

    static Map<StreamName, StreamRecord> lock(Connection c, Collection<StreamName> names) throws SQLException {
        List<StreamName> sorted = names.stream().distinct().sorted().toList();
        Map<StreamName, StreamRecord> streams = new HashMap<>();
        lockExisting(c, sorted, streams);
        List<StreamName> missing =
                sorted.stream().filter(n -> !streams.containsKey(n)).toList();
        if (missing.isEmpty()) {
            return streams;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_MISSING)) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "text", missing.stream().map(StreamName::value).toArray(String[]::new)));
            ps.setArray(
                    2,
                    c.createArrayOf("bytea", missing.stream().map(SortKeys::of).toArray(byte[][]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StreamName name = new StreamName(rs.getString(1));
                    streams.put(name, StreamRecord.absent(name));
                }
            }
        }
        // Created by another writer while this one was inserting: lock them as they now are.
        List<StreamName> createdElsewhere =
                missing.stream().filter(n -> !streams.containsKey(n)).toList();
        if (!createdElsewhere.isEmpty()) {
            lockExisting(c, createdElsewhere, streams);
        }
        return streams;
    }

    private static void lockExisting(Connection c, List<StreamName> names, Map<StreamName, StreamRecord> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK_ROWS)) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "text", names.stream().map(StreamName::value).toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StreamName name = new StreamName(rs.getString(1));
                    String state = rs.getString(2);
                    long last = rs.getLong(3);
                    if (rs.wasNull()) {
                        last = -1;
                    }
                    into.put(
                            name,
                            new StreamRecord(name, Optional.ofNullable(state).map(StreamState::valueOf), last));
                }
            }
        }
    }
}
