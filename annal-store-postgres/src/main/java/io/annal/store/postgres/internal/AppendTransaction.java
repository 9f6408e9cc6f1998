package io.annal.store.postgres.internal;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventStoreException;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.postgres.internal.AppendPlanner.EventKey;
import io.annal.store.postgres.internal.AppendPlanner.Fresh;
import io.annal.store.postgres.internal.AppendPlanner.PartPlan;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One group-commit transaction. It first takes positions for every event of the batch (so the
 * transaction's xid and positions come in the right order, see ADR 0006), then locks the rows of
 * the streams the batch touches, plans every append in memory, and writes all accepted events
 * with one INSERT and all stream rows with one upsert. Positions of events that end up not written
 * are left as gaps. The caller commits. A request that fails its checks fails alone.
 */
final class AppendTransaction {

    /** A request's fate: its results, or the check that failed it. */
    record Outcome(List<AppendResult> results, EventStoreException failure) {}

    private static final String LOAD_STORED_IDS = "SELECT e.stream, e.id, e.version, e.position"
            + " FROM unnest(?::text[], ?::uuid[]) AS k(stream, id)"
            + " JOIN events e ON e.stream = k.stream AND e.id = k.id";
    private static final String ALLOCATE = "SELECT allocate_positions(?)";
    private static final String INSERT_EVENTS =
            "INSERT INTO events (position, stream, version, id, type, data, metadata, recorded_at)"
                    + " SELECT p, s, v, i, t, d, m, ? FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::uuid[],"
                    + " ?::text[], ?::bytea[], ?::bytea[]) AS u(p, s, v, i, t, d, m)";
    private static final String UPSERT_STREAMS = "INSERT INTO streams (name, sort_key, state, last_version, last_write)"
            + " SELECT n, k, 'LIVE', v, ? FROM unnest(?::text[], ?::bytea[], ?::bigint[]) AS u(n, k, v)"
            + " ON CONFLICT (name) DO UPDATE SET state = 'LIVE', last_version = excluded.last_version,"
            + " last_write = excluded.last_write";
    private static final String NOTIFY = "SELECT pg_notify(?, '')";

    private final SchemaName schema;

    AppendTransaction(SchemaName schema) {
        this.schema = schema;
    }

    /** Runs the batch in {@code c}'s open transaction; returns one outcome per request, in order. */
    List<Outcome> run(Connection c, List<PendingAppend> batch, Instant now) throws SQLException {
        long[] positions = allocatePositions(c, batch);
        Map<StreamName, StreamRecord> streams = StreamLocks.lock(c, names(batch));
        AppendPlanner planner = new AppendPlanner(streams, loadStoredIds(c, batch, streams));
        List<List<PartPlan>> plans = new ArrayList<>(batch.size());
        List<Outcome> failures = new ArrayList<>(batch.size());
        List<Fresh> fresh = new ArrayList<>();
        for (PendingAppend request : batch) {
            try {
                List<PartPlan> plan = planner.plan(request.parts());
                plans.add(plan);
                failures.add(null);
                for (PartPlan part : plan) {
                    if (part instanceof Fresh f) {
                        fresh.add(f);
                    }
                }
            } catch (EventStoreException e) {
                plans.add(null);
                failures.add(new Outcome(List.of(), e));
            }
        }
        if (!fresh.isEmpty()) {
            assignPositions(positions, fresh);
            insertEvents(c, fresh, now);
            upsertStreams(c, streams, now);
            notifySubscribers(c);
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (failures.get(i) != null) {
                outcomes.add(failures.get(i));
            } else {
                List<AppendResult> results = new ArrayList<>();
                for (PartPlan part : plans.get(i)) {
                    results.add(part.result());
                }
                outcomes.add(new Outcome(results, null));
            }
        }
        return outcomes;
    }

    private static List<StreamName> names(List<PendingAppend> batch) {
        List<StreamName> names = new ArrayList<>();
        for (PendingAppend request : batch) {
            for (StreamAppend part : request.parts()) {
                names.add(part.stream());
            }
        }
        return names;
    }

    /** The ids of the batch already stored in their streams; streams never written cannot have any. */
    private static Map<EventKey, EventSlot> loadStoredIds(
            Connection c, List<PendingAppend> batch, Map<StreamName, StreamRecord> streams) throws SQLException {
        List<String> keyStreams = new ArrayList<>();
        List<UUID> keyIds = new ArrayList<>();
        for (PendingAppend request : batch) {
            for (StreamAppend part : request.parts()) {
                StreamRecord stream = streams.get(part.stream());
                if (stream == null || stream.lastVersion < 0) {
                    continue;
                }
                for (EventData event : part.events()) {
                    keyStreams.add(part.stream().value());
                    keyIds.add(event.id());
                }
            }
        }
        Map<EventKey, EventSlot> stored = new HashMap<>();
        if (keyIds.isEmpty()) {
            return stored;
        }
        try (PreparedStatement ps = c.prepareStatement(LOAD_STORED_IDS)) {
            ps.setArray(1, c.createArrayOf("text", keyStreams.toArray(String[]::new)));
            ps.setArray(2, c.createArrayOf("uuid", keyIds.toArray(UUID[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(
                            new EventKey(new StreamName(rs.getString(1)), rs.getObject(2, UUID.class)),
                            new EventSlot(rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return stored;
    }

    private static long[] allocatePositions(Connection c, List<PendingAppend> batch) throws SQLException {
        int count = 0;
        for (PendingAppend request : batch) {
            count += request.eventCount();
        }
        long[] positions = new long[count];
        try (PreparedStatement ps = c.prepareStatement(ALLOCATE)) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < count && rs.next(); i++) {
                    positions[i] = rs.getLong(1);
                }
            }
        }
        Arrays.sort(positions);
        return positions;
    }

    private static void assignPositions(long[] positions, List<Fresh> fresh) {
        int next = 0;
        for (Fresh f : fresh) {
            for (EventSlot slot : f.slots()) {
                slot.allocate(positions[next++]);
            }
        }
    }

    private static void insertEvents(Connection c, List<Fresh> fresh, Instant now) throws SQLException {
        List<Long> positions = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        List<byte[]> metadata = new ArrayList<>();
        for (Fresh f : fresh) {
            for (int i = 0; i < f.events().size(); i++) {
                EventData event = f.events().get(i);
                EventSlot slot = f.slots().get(i);
                positions.add(slot.position());
                streams.add(f.stream().value());
                versions.add(slot.version);
                ids.add(event.id());
                types.add(event.type());
                data.add(event.data());
                metadata.add(event.metadata());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENTS)) {
            EventRows.setInstant(ps, 1, now);
            ps.setArray(2, array(c, "bigint", positions.toArray(Long[]::new)));
            ps.setArray(3, array(c, "text", streams.toArray(String[]::new)));
            ps.setArray(4, array(c, "bigint", versions.toArray(Long[]::new)));
            ps.setArray(5, array(c, "uuid", ids.toArray(UUID[]::new)));
            ps.setArray(6, array(c, "text", types.toArray(String[]::new)));
            ps.setArray(7, array(c, "bytea", data.toArray(byte[][]::new)));
            ps.setArray(8, array(c, "bytea", metadata.toArray(byte[][]::new)));
            ps.executeUpdate();
        }
    }

    private static void upsertStreams(Connection c, Map<StreamName, StreamRecord> streams, Instant now)
            throws SQLException {
        List<String> names = new ArrayList<>();
        List<byte[]> sortKeys = new ArrayList<>();
        List<Long> lastVersions = new ArrayList<>();
        for (StreamRecord stream : streams.values()) {
            if (stream.written) {
                names.add(stream.name.value());
                sortKeys.add(SortKeys.of(stream.name));
                lastVersions.add(stream.lastVersion);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT_STREAMS)) {
            EventRows.setInstant(ps, 1, now);
            ps.setArray(2, array(c, "text", names.toArray(String[]::new)));
            ps.setArray(3, array(c, "bytea", sortKeys.toArray(byte[][]::new)));
            ps.setArray(4, array(c, "bigint", lastVersions.toArray(Long[]::new)));
            ps.executeUpdate();
        }
    }

    private void notifySubscribers(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NOTIFY)) {
            ps.setString(1, schema.channel());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }
}
