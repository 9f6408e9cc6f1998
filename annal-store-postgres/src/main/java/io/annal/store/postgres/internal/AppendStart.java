package io.annal.store.postgres.internal;

import io.annal.store.EventData;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import io.annal.store.postgres.internal.AppendPlanner.EventKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What an append transaction plans from: positions for every event of the batch, the rows of the
 * streams it touches, locked, and the batch's ids already stored in those streams. The schema's
 * {@code begin_append} function reads all three in one round trip, in the order ADR 0006 and
 * {@link StreamLocks} require: positions first, then locks, then ids.
 */
final class AppendStart {

    private static final String BEGIN = "SELECT kind, name, state, last_version, id, pos"
            + " FROM begin_append(?, ?::text[], ?::bytea[], ?::text[], ?::uuid[])";

    /** Ascending. */
    final long[] positions;

    final Map<StreamName, StreamRecord> streams;
    final Map<EventKey, EventSlot> stored;

    private AppendStart(long[] positions, Map<StreamName, StreamRecord> streams, Map<EventKey, EventSlot> stored) {
        this.positions = positions;
        this.streams = streams;
        this.stored = stored;
    }

    static AppendStart begin(Connection c, List<PendingAppend> batch) throws SQLException {
        TreeSet<StreamName> names = new TreeSet<>();
        List<String> keyStreams = new ArrayList<>();
        List<UUID> keyIds = new ArrayList<>();
        int events = 0;
        for (PendingAppend request : batch) {
            for (StreamAppend part : request.parts()) {
                names.add(part.stream());
                for (EventData event : part.events()) {
                    keyStreams.add(part.stream().value());
                    keyIds.add(event.id());
                    events++;
                }
            }
        }
        long[] positions = new long[events];
        int allocated = 0;
        Map<StreamName, StreamRecord> streams = new HashMap<>();
        Map<EventKey, EventSlot> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(BEGIN)) {
            ps.setInt(1, events);
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "text", names.stream().map(StreamName::value).toArray(String[]::new)));
            ps.setArray(
                    3, c.createArrayOf("bytea", names.stream().map(SortKeys::of).toArray(byte[][]::new)));
            ps.setArray(4, c.createArrayOf("text", keyStreams.toArray(String[]::new)));
            ps.setArray(5, c.createArrayOf("uuid", keyIds.toArray(UUID[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "p" -> positions[allocated++] = rs.getLong(6);
                        case "s" -> {
                            StreamName name = new StreamName(rs.getString(2));
                            long last = rs.getLong(4);
                            if (rs.wasNull()) {
                                last = -1;
                            }
                            Optional<StreamState> state =
                                    Optional.ofNullable(rs.getString(3)).map(StreamState::valueOf);
                            streams.put(name, new StreamRecord(name, state, last));
                        }
                        case "e" -> {
                            StreamName name = new StreamName(rs.getString(2));
                            // A stream never written cannot have events of its own.
                            StreamRecord stream = streams.get(name);
                            if (stream != null && stream.lastVersion >= 0) {
                                stored.put(
                                        new EventKey(name, rs.getObject(5, UUID.class)),
                                        new EventSlot(rs.getLong(4), rs.getLong(6)));
                            }
                        }
                        default -> throw new IllegalStateException("begin_append returned kind " + rs.getString(1));
                    }
                }
            }
        }
        if (allocated != events) {
            throw new IllegalStateException("asked for " + events + " positions, got " + allocated);
        }
        Arrays.sort(positions);
        return new AppendStart(positions, streams, stored);
    }
}
