package io.annal.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The late-commit problem: a transaction that took a lower position commits after transactions
 * with higher positions. A reader that moves to "the highest position seen" skips it; Annal's
 * subscription, which reads only below the xmin horizon, must not.
 *
 * <pre>
 *   held tx:   allocate p0 ── insert ─────────────── (waits for the naive reader to pass p0) ── commit
 *   writers:          allocate p1..pn ── commit ── ...
 *   naive:                               reads p1..pn, highest = pn > p0 ── never looks at p0 again
 *   Annal:                               below horizon only: waits for p0, then p0, p1, ... in order
 * </pre>
 *
 * Around that fixed interleaving, 24 raw writers roll back and hold transactions open at random and
 * 8 more append through the store's API; then an idle-in-transaction session stalls the horizon,
 * which the store must report.
 */
class LateCommitGapTest {

    private static final int RAW_WRITERS = 24;
    private static final int API_WRITERS = 8;
    private static final int TRANSACTIONS_PER_WRITER = 12;
    private static final Duration BOUND = Duration.ofSeconds(60);

    private final long seed = Long.getLong("annal.gap.seed", System.nanoTime());
    private final List<LogRecord> monitorLog = new CopyOnWriteArrayList<>();
    private final Logger monitorLogger = Logger.getLogger("io.annal.store.postgres.internal.HorizonMonitor");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            monitorLog.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private PostgresStoreConfig config;
    private PostgresEventStore store;

    @BeforeEach
    void open() {
        System.out.println("LateCommitGapTest seed " + seed + " (replay with -Dannal.gap.seed=" + seed + ")");
        monitorLogger.addHandler(capture);
        config = TestPostgres.freshConfig().withStallReporting(Duration.ofMillis(500), Duration.ofMillis(100));
        store = PostgresEventStore.open(config);
    }

    @AfterEach
    void close() {
        store.close();
        monitorLogger.removeHandler(capture);
    }

    @Test
    void the_subscription_sees_every_late_commit_once_and_in_order_where_a_naive_reader_skips() throws Exception {
        Recorder annal = new Recorder();
        NaiveReader naive = new NaiveReader(config.schema());
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try (Subscription subscription =
                store.subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), annal)) {
            CompletableFuture<Void> naiveRun = CompletableFuture.runAsync(naive::run, threads);
            CompletableFuture<Long> held = CompletableFuture.supplyAsync(() -> holdBelow(naive), threads);
            naive.awaitHeldPosition();
            List<CompletableFuture<Void>> writers = startWriters(threads, naive);
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            long heldPosition = held.get(1, TimeUnit.MINUTES);

            stallTheHorizonAndSeeItReported(annal);

            naive.stop();
            naiveRun.get(1, TimeUnit.MINUTES);
            List<Long> committed = committedPositions(config.schema());
            await().atMost(BOUND).until(() -> annal.positions().size() >= committed.size());

            assertThat(naive.seen())
                    .as("the naive reader skipped the late commit")
                    .doesNotContain(heldPosition);
            assertThat(committed).contains(heldPosition);
            assertThat(annal.positions())
                    .as("every committed event once, in position order")
                    .isEqualTo(committed);
            assertThat(annal.failure).isNull();
            assertEveryStreamInVersionOrder(annal.events);
            assertThat(subscription.isClosed()).isFalse();
        } finally {
            naive.stop();
            threads.shutdownNow();
        }
    }

    /** Takes the lowest position of the run and commits it only after the naive reader moved past it. */
    private long holdBelow(NaiveReader naive) {
        try (RawWriter held = new RawWriter(config.schema(), "held")) {
            long position = held.write(1).getFirst();
            naive.held(position);
            await().atMost(BOUND).until(() -> naive.highest() > position);
            held.commit();
            naive.committed();
            return position;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CompletableFuture<Void>> startWriters(ExecutorService threads, NaiveReader naive) {
        AtomicLong commits = new AtomicLong();
        AtomicInteger running = new AtomicInteger(RAW_WRITERS);
        AtomicInteger holding = new AtomicInteger();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < RAW_WRITERS; w++) {
            Random random = new Random(seed + w);
            String stream = "raw-" + w;
            writers.add(CompletableFuture.runAsync(
                    () -> {
                        try (RawWriter writer = new RawWriter(config.schema(), stream)) {
                            for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                                writer.write(1 + random.nextInt(3));
                                int fate = random.nextInt(10);
                                if (fate < 2) {
                                    writer.rollback();
                                    continue;
                                }
                                if (fate < 4) {
                                    long target = commits.get() + 1 + random.nextInt(10);
                                    holding.incrementAndGet();
                                    await().atMost(BOUND)
                                            .until(() -> commits.get() >= target || running.get() <= holding.get());
                                    holding.decrementAndGet();
                                }
                                writer.commit();
                                commits.incrementAndGet();
                                naive.committed();
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        } finally {
                            running.decrementAndGet();
                        }
                    },
                    threads));
        }
        for (int w = 0; w < API_WRITERS; w++) {
            Random random = new Random(seed - w - 1);
            StreamName stream = StreamName.of("api-" + w);
            writers.add(CompletableFuture.runAsync(
                    () -> {
                        for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                            List<EventData> events = new ArrayList<>();
                            for (int e = random.nextInt(3); e >= 0; e--) {
                                events.add(EventData.json("Api", "{}"));
                            }
                            store.append(stream, ExpectedVersion.any(), events);
                            commits.incrementAndGet();
                            naive.committed();
                        }
                    },
                    threads));
        }
        return writers;
    }

    /**
     * An idle-in-transaction session holds the horizon: events appended after it wait, and the
     * store reports the stall, in its status and in its log. When the session ends, they flow.
     */
    private void stallTheHorizonAndSeeItReported(Recorder annal) throws SQLException {
        int committedSoFar = committedPositions(config.schema()).size();
        await().atMost(BOUND).until(() -> annal.positions().size() >= committedSoFar);
        try (Connection idle = TestPostgres.connect()) {
            idle.setAutoCommit(false);
            try (Statement st = idle.createStatement()) {
                st.execute("SELECT pg_current_xact_id()");
            }
            int before = annal.positions().size();
            store.append(StreamName.of("behind-idle"), ExpectedVersion.any(), List.of(EventData.json("Late", "{}")));

            await().atMost(BOUND).until(() -> store.horizonStatus().stalled());
            await().atMost(BOUND)
                    .until(() -> monitorLog.stream()
                            .anyMatch(
                                    r -> new SimpleFormatter().formatMessage(r).contains("held back")));
            assertThat(store.horizonStatus().eventsWaiting()).isPositive();
            assertThat(store.horizonStatus().stallsReported()).isPositive();
            assertThat(annal.positions()).hasSize(before);
            idle.rollback();
        }
        await().atMost(BOUND).until(() -> !store.horizonStatus().stalled());
    }

    private static List<Long> committedPositions(String schema) throws SQLException {
        try (Connection c = TestPostgres.connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT position FROM \"" + schema + "\".events ORDER BY position");
                ResultSet rs = ps.executeQuery()) {
            List<Long> positions = new ArrayList<>();
            while (rs.next()) {
                positions.add(rs.getLong(1));
            }
            return positions;
        }
    }

    private static void assertEveryStreamInVersionOrder(List<RecordedEvent> events) {
        Map<StreamName, Long> next = new HashMap<>();
        for (RecordedEvent event : events) {
            long expected = next.getOrDefault(event.stream(), 0L);
            assertThat(event.version()).as("version in " + event.stream()).isEqualTo(expected);
            next.put(event.stream(), expected + 1);
        }
    }

    private static final class Recorder implements SubscriptionListener {
        final List<RecordedEvent> events = new CopyOnWriteArrayList<>();
        volatile Throwable failure;

        @Override
        public void onEvent(RecordedEvent event) {
            events.add(event);
        }

        @Override
        public void onClosed(Throwable error) {
            failure = error;
        }

        List<Long> positions() {
            return events.stream().map(e -> e.position().value()).toList();
        }
    }

    /** Reads after the highest position it has seen, after every commit it hears of. */
    private static final class NaiveReader {
        private final String schema;
        private final Semaphore commits = new Semaphore(0);
        private final ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
        private final CompletableFuture<Long> heldPosition = new CompletableFuture<>();
        private volatile long highest = -1;
        private volatile boolean stopped;

        NaiveReader(String schema) {
            this.schema = schema;
        }

        void held(long position) {
            heldPosition.complete(position);
        }

        void awaitHeldPosition() throws Exception {
            heldPosition.get(1, TimeUnit.MINUTES);
        }

        void committed() {
            commits.release();
        }

        void stop() {
            stopped = true;
            commits.release();
        }

        long highest() {
            return highest;
        }

        List<Long> seen() {
            return List.copyOf(seen);
        }

        void run() {
            try (Connection c = TestPostgres.connect();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT position FROM \"" + schema + "\".events WHERE position > ? ORDER BY position")) {
                while (!stopped) {
                    commits.acquire();
                    commits.drainPermits();
                    ps.setLong(1, highest);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long position = rs.getLong(1);
                            seen.add(position);
                            highest = position;
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
