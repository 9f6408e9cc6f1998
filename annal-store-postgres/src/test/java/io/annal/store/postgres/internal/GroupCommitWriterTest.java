package io.annal.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer against a real server, with a second session, the gate, that holds stream locks the
 * way another writer would. Each test has a schema of its own.
 */
class GroupCommitWriterTest {

    private static final int WAITING = 20;
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final SchemaName schema = new SchemaName(TestPostgres.freshSchema());
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<GroupCommitWriter> writers = new ArrayList<>();
    private Database db;
    /** In an open transaction, with the store's schema as its search path. */
    private Connection gate;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabases.open(schema, 4, BOUND);
        gate = DriverManager.getConnection(TestPostgres.url());
        gate.setAutoCommit(false);
        try (Statement path = gate.createStatement()) {
            path.execute("SET search_path TO " + schema.quoted());
        }
    }

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        gate.close();
        writers.forEach(GroupCommitWriter::close);
        db.close();
    }

    private GroupCommitWriter writer(int committers) {
        GroupCommitWriter writer =
                new GroupCommitWriter(db, InstantSource.system(), committers, () -> {}, Optional.empty());
        writers.add(writer);
        return writer;
    }

    /**
     * <pre>
     *   gate session:  lock stream "gate" ──────────────────────── rollback
     *   writer:        batch 1 [gate] waits on the lock ────────── commit │ batch 2 [20 appends] ── commit
     *   callers:       20 appends queue up meanwhile                      └─ all in one transaction
     * </pre>
     */
    @Test
    void appends_queued_while_a_transaction_runs_commit_together_in_the_next_one() throws Exception {
        GroupCommitWriter writer = writer(1);
        Future<List<AppendResult>> blocked = appendBehindTheGate(writer, "gate");
        List<Future<List<AppendResult>>> waiting = new ArrayList<>();
        for (int i = 0; i < WAITING; i++) {
            StreamName stream = StreamName.of("waiting-" + i);
            waiting.add(threads.submit(() -> writer.append(
                    List.of(StreamAppend.of(stream, ExpectedVersion.noStream(), List.of(EventData.json("W", "{}")))))));
        }
        await().atMost(BOUND).until(() -> writer.queued() == WAITING);

        gate.rollback();

        assertThat(blocked.get().getFirst().firstVersion()).isEqualTo(1);
        for (Future<List<AppendResult>> append : waiting) {
            assertThat(append.get().getFirst().firstVersion()).isZero();
        }
        assertThat(transactionsOf("waiting-%")).hasSize(1);
    }

    /**
     * <pre>
     *   gate session:  lock stream "gate" ───────────────────────────────── rollback
     *   slot 1:        [gate] waits on the lock ─────────────────────────── commit
     *   slot 2:                 [free-0] commit │ [free-1] commit │ …   (while the gate is held)
     * </pre>
     */
    @Test
    void a_transaction_waiting_on_a_stream_does_not_hold_up_appends_to_other_streams() throws Exception {
        GroupCommitWriter writer = writer(2);
        Future<List<AppendResult>> blocked = appendBehindTheGate(writer, "gate");

        for (int i = 0; i < 3; i++) {
            StreamName stream = StreamName.of("free-" + i);
            List<AppendResult> done = threads.submit(() -> writer.append(List.of(
                            StreamAppend.of(stream, ExpectedVersion.noStream(), List.of(EventData.json("F", "{}"))))))
                    .get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(done.getFirst().firstVersion()).isZero();
        }
        assertThat(blocked).isNotDone();

        gate.rollback();

        assertThat(blocked.get().getFirst().firstVersion()).isEqualTo(1);
    }

    /**
     * <pre>
     *   gate session:  lock stream "s" ── take position q ── write version 1 at q ── commit
     *   writer:             waits for the lock of "s" ──────────────────────────────── takes positions above q,
     *                                                                                  writes version 2
     * </pre>
     */
    @Test
    void an_append_waiting_on_its_stream_takes_positions_after_the_writer_it_waited_for() throws Exception {
        GroupCommitWriter writer = writer(2);
        Future<List<AppendResult>> waiting = appendBehindTheGate(writer, "s");

        long q = writeVersionOne("s");
        gate.commit();

        AppendResult result = waiting.get().getFirst();
        assertThat(result.firstVersion()).isEqualTo(2);
        assertThat(result.firstPosition().value()).isGreaterThan(q);
    }

    /**
     * <pre>
     *   gate session:  lock stream "t" ─────────────── write version 1 ── commit
     *   tombstone:          waits for the lock of "t" ──────────────────────────── tombstones, seeing version 1
     *   writer:                                                                     refused: the stream is gone
     * </pre>
     */
    @Test
    void a_tombstone_waits_for_the_writer_holding_the_streams_lock() throws Exception {
        GroupCommitWriter writer = writer(1);
        StreamName stream = StreamName.of("t");
        writer.append(List.of(StreamAppend.of(stream, ExpectedVersion.noStream(), List.of(EventData.json("A", "{}")))));
        holdTheLockOf("t");
        Future<?> tombstone = threads.submit(() -> new StreamChanges(db).tombstone(stream, ExpectedVersion.exact(1)));
        await().atMost(BOUND).until(() -> waitingOnTheGate("lock_streams"));

        writeVersionOne("t");
        gate.commit();

        tombstone.get(BOUND.toSeconds(), TimeUnit.SECONDS); // expected version 1: it saw the gate's write
        assertThatThrownBy(() -> writer.append(
                        List.of(StreamAppend.of(stream, ExpectedVersion.any(), List.of(EventData.json("C", "{}"))))))
                .isInstanceOf(StreamDeletedException.class);
    }

    /**
     * Opens stream {@code name} with one event, takes its lock in the gate, and starts an append to
     * it that waits on that lock: a writer transaction held open until the gate commits or rolls
     * back.
     */
    private Future<List<AppendResult>> appendBehindTheGate(GroupCommitWriter writer, String name) throws Exception {
        StreamName gated = StreamName.of(name);
        writer.append(List.of(StreamAppend.of(gated, ExpectedVersion.any(), List.of(EventData.json("Open", "{}")))));
        holdTheLockOf(name);
        Future<List<AppendResult>> blocked = threads.submit(() -> writer.append(
                List.of(StreamAppend.of(gated, ExpectedVersion.any(), List.of(EventData.json("Through", "{}"))))));
        await().atMost(BOUND).until(() -> waitingOnTheGate("begin_append|append_batch"));
        return blocked;
    }

    /** Takes the stream's lock in the gate, as every writer of the stream does first. */
    private void holdTheLockOf(String name) throws Exception {
        try (PreparedStatement lock = gate.prepareStatement("SELECT lock_streams(ARRAY[?])")) {
            lock.setString(1, name);
            lock.execute();
        }
    }

    /**
     * Writes version 1 of stream {@code name} in the gate's open transaction, as a
     * writer holding the stream's lock does: a position, the event, the stream's row. Returns the
     * position.
     */
    private long writeVersionOne(String name) throws Exception {
        try (Statement st = gate.createStatement();
                ResultSet rs = st.executeQuery("SELECT allocate_positions(1)")) {
            rs.next();
            long position = rs.getLong(1);
            try (PreparedStatement insert = gate.prepareStatement("INSERT INTO events"
                            + " (position, stream, version, id, type, data, metadata, recorded_at)"
                            + " VALUES (?, ?, 1, gen_random_uuid(), 'B', '\\x7b7d', '\\x7b7d', now())");
                    PreparedStatement row =
                            gate.prepareStatement("UPDATE streams SET last_version = 1 WHERE name = ?")) {
                insert.setLong(1, position);
                insert.setString(2, name);
                insert.executeUpdate();
                row.setString(1, name);
                row.executeUpdate();
            }
            return position;
        }
    }

    /** Whether another session whose statement matches {@code query} waits for a lock. */
    private boolean waitingOnTheGate(String query) throws Exception {
        try (PreparedStatement ps = gate.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND query ~ ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, query);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private Set<String> transactionsOf(String streams) throws Exception {
        try (Connection c = DriverManager.getConnection(TestPostgres.url());
                PreparedStatement ps =
                        c.prepareStatement("SELECT tx::text FROM " + schema.quoted() + ".events WHERE stream LIKE ?")) {
            ps.setString(1, streams);
            Set<String> transactions = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    transactions.add(rs.getString(1));
                }
            }
            return transactions;
        }
    }
}
