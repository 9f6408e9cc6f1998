package io.annal.store.postgres.internal;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventStoreException;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.postgres.internal.AppendPlanner.Fresh;
import io.annal.store.postgres.internal.AppendPlanner.PartPlan;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One group-commit transaction in two round trips. The first ({@link AppendStart}) takes positions
 * for every event of the batch (so the transaction's xid and positions come in the right order, see
 * ADR 0006), locks the rows of the streams the batch touches and reads the batch's ids already
 * stored; every append is then planned in memory. The second inserts all accepted events, updates
 * the stream rows and commits, as one pipelined request (other processes hear of it from
 * {@link CommitNotifier}, after the commit). Positions of events
 * that end up not written are left as gaps. A request that fails its checks fails alone.
 */
final class AppendTransaction {

    /** A request's fate: its results, or the check that failed it. */
    record Outcome(List<AppendResult> results, EventStoreException failure) {}

    /**
     * Written in one request: PostgreSQL runs the data-modifying WITH clauses whatever the main
     * query reads, and the driver sends the COMMIT along with the statement, so that the commit
     * costs no round trip of its own. The WAL is still flushed before the COMMIT returns.
     */
    private static final String WRITE_AND_COMMIT = "WITH inserted AS (INSERT INTO events"
            + " (position, stream, version, id, type, data, metadata, recorded_at)"
            + " SELECT p, s, v, i, t, d, m, ? FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::uuid[],"
            + " ?::text[], ?::bytea[], ?::bytea[]) AS u(p, s, v, i, t, d, m)),"
            + " updated AS (UPDATE streams SET state = 'LIVE', last_version = u.v, last_write = ?"
            + " FROM unnest(?::text[], ?::bigint[]) AS u(n, v) WHERE streams.name = u.n)"
            + " SELECT 1; COMMIT";

    AppendTransaction() {}

    /** A planned batch: the outcomes to report once {@link #commit} has succeeded. */
    final class Planned {
        private final List<Outcome> outcomes;
        private final List<Fresh> fresh;
        private final Map<StreamName, StreamRecord> streams;
        private final Instant now;

        private Planned(List<Outcome> outcomes, List<Fresh> fresh, Map<StreamName, StreamRecord> streams, Instant now) {
            this.outcomes = outcomes;
            this.fresh = fresh;
            this.streams = streams;
            this.now = now;
        }

        List<Outcome> outcomes() {
            return outcomes;
        }

        /** The accepted events as they will be stored, in position order. */
        List<RecordedEvent> recorded() {
            List<RecordedEvent> events = new ArrayList<>();
            for (Fresh f : fresh) {
                for (int i = 0; i < f.events().size(); i++) {
                    EventData event = f.events().get(i);
                    EventSlot slot = f.slots().get(i);
                    events.add(new RecordedEvent(
                            f.stream(),
                            slot.version,
                            Position.of(slot.position()),
                            event.id(),
                            event.type(),
                            event.data(),
                            event.metadata(),
                            now));
                }
            }
            return events; // positions were allocated in this order
        }

        /** Writes the accepted events and commits; a failure leaves the transaction to roll back. */
        void commit(Connection c) throws SQLException {
            if (fresh.isEmpty()) {
                c.commit();
                return;
            }
            writeAndCommit(c, fresh, streams, now);
            c.commit(); // nothing left to commit: keeps the pool's view of the connection clean
        }
    }

    /** Plans the batch in {@code c}'s open transaction: one outcome per request, in order. */
    Planned plan(Connection c, List<PendingAppend> batch, Instant now) throws SQLException {
        AppendStart start = AppendStart.begin(c, batch);
        AppendPlanner planner = new AppendPlanner(start.streams, start.stored);
        List<List<PartPlan>> plans = new ArrayList<>(batch.size());
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Fresh> fresh = new ArrayList<>();
        for (PendingAppend request : batch) {
            try {
                List<PartPlan> plan = planner.plan(request.parts());
                plans.add(plan);
                outcomes.add(null);
                for (PartPlan part : plan) {
                    if (part instanceof Fresh f) {
                        fresh.add(f);
                    }
                }
            } catch (EventStoreException e) {
                plans.add(null);
                outcomes.add(new Outcome(List.of(), e));
            }
        }
        assignPositions(start.positions, fresh);
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) == null) {
                List<AppendResult> results = new ArrayList<>();
                for (PartPlan part : plans.get(i)) {
                    results.add(part instanceof Fresh ? part.result().withRecordedAt(now) : part.result());
                }
                outcomes.set(i, new Outcome(results, null));
            }
        }
        return new Planned(outcomes, fresh, start.streams, now);
    }

    private static void assignPositions(long[] positions, List<Fresh> fresh) {
        int next = 0;
        for (Fresh f : fresh) {
            for (EventSlot slot : f.slots()) {
                slot.allocate(positions[next++]);
            }
        }
    }

    private void writeAndCommit(Connection c, List<Fresh> fresh, Map<StreamName, StreamRecord> streams, Instant now)
            throws SQLException {
        List<Long> positions = new ArrayList<>();
        List<String> eventStreams = new ArrayList<>();
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
                eventStreams.add(f.stream().value());
                versions.add(slot.version);
                ids.add(event.id());
                types.add(event.type());
                data.add(event.data());
                metadata.add(event.metadata());
            }
        }
        List<String> names = new ArrayList<>();
        List<Long> lastVersions = new ArrayList<>();
        for (StreamRecord stream : streams.values()) {
            if (stream.written) {
                names.add(stream.name.value());
                lastVersions.add(stream.lastVersion);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(WRITE_AND_COMMIT)) {
            EventRows.setInstant(ps, 1, now);
            ps.setArray(2, array(c, "bigint", positions.toArray(Long[]::new)));
            ps.setArray(3, array(c, "text", eventStreams.toArray(String[]::new)));
            ps.setArray(4, array(c, "bigint", versions.toArray(Long[]::new)));
            ps.setArray(5, array(c, "uuid", ids.toArray(UUID[]::new)));
            ps.setArray(6, array(c, "text", types.toArray(String[]::new)));
            ps.setArray(7, array(c, "bytea", data.toArray(byte[][]::new)));
            ps.setArray(8, array(c, "bytea", metadata.toArray(byte[][]::new)));
            EventRows.setInstant(ps, 9, now);
            ps.setArray(10, array(c, "text", names.toArray(String[]::new)));
            ps.setArray(11, array(c, "bigint", lastVersions.toArray(Long[]::new)));
            ps.execute();
        }
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }
}
