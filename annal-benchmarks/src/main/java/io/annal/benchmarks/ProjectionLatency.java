package io.annal.benchmarks;

import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.ProjectionManager;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * P8: appends one event at a time at a steady {@code --rate} (open loop: each append starts on
 * schedule in a virtual thread, whether or not earlier ones finished) to a durable embedded store
 * with a projection into SQLite running; each latency is from the append's start until the
 * projection's checkpoint, committed with the row, has passed the event. A 3 s warm-up is left out.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.ProjectionLatency --rate 5000 --seconds 20
 * </pre>
 */
public final class ProjectionLatency {

    private ProjectionLatency() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "5000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = 3;
        // "merged": JdbcContext.change (rows merged, multi-row upserts); "queued": one upsert per event.
        boolean merged = !options.getOrDefault("writes", "merged").equals("queued");
        Path dir = Files.createTempDirectory("annal-p8-");
        LatencyRecorder recorder = new LatencyRecorder();
        LatencyRecorder appends = new LatencyRecorder(); // the append alone: store or projection?
        AtomicLong failed = new AtomicLong();
        try (EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir.resolve("store")));
                ProjectionManager manager = ProjectionManager.create(store)) {
            Projection<JdbcContext> balances = Projection.of("balances", 1, EventFilter.all(), new Balances(merged));
            manager.start(balances, JdbcReadModels.sqlite(dir.resolve("read.db")));
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long total = (long) rate * (warmup + seconds);
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                boolean measured = i >= (long) rate * warmup;
                StreamName stream = StreamName.of("account-" + (i % 1000));
                Thread.ofVirtual().start(() -> {
                    long t0 = System.nanoTime();
                    try {
                        AppendResult appended = store.append(
                                stream, ExpectedVersion.any(), List.of(EventData.json("Deposited", "{\"amount\":1}")));
                        long appendNanos = System.nanoTime() - t0;
                        if (!manager.awaitPosition("balances", appended.lastPosition(), Duration.ofSeconds(30))) {
                            failed.incrementAndGet();
                        } else if (measured) {
                            long latency = System.nanoTime() - t0;
                            synchronized (recorder) {
                                recorder.record(latency);
                                appends.record(appendNanos);
                            }
                        }
                    } catch (InterruptedException | RuntimeException e) {
                        failed.incrementAndGet();
                    }
                });
            }
            double offered = total / ((System.nanoTime() - start) / 1e9);
            manager.awaitPosition("balances", store.headPosition().orElseThrow(), Duration.ofMinutes(1));
            Thread.sleep(200); // the last virtual threads record their latency
            LatencyRecorder.Percentiles p;
            LatencyRecorder.Percentiles a;
            synchronized (recorder) {
                p = LatencyRecorder.merge(List.of(recorder));
                a = LatencyRecorder.merge(List.of(appends));
            }
            System.out.printf(
                    "P8 append -> visible in SQLite at %d events/s offered (%.0f achieved), %d s measured, %d samples:"
                            + " p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; %d not visible in 30 s;"
                            + " of which the append alone: p50 %.2f ms, p99 %.2f ms%n",
                    rate,
                    offered,
                    seconds,
                    recorder.count(),
                    p.millis(50),
                    p.millis(99),
                    p.millis(99.9),
                    p.millis(100),
                    failed.get(),
                    a.millis(50),
                    a.millis(99));
        } finally {
            Options.deleteRecursively(dir);
        }
    }

    /** One row per account: the sum of its deposits. */
    private static final class Balances implements ProjectionHandler<JdbcContext> {
        private final boolean merged;

        Balances(boolean merged) {
            this.merged = merged;
        }

        @Override
        public void prepare(JdbcContext c) throws Exception {
            try (Statement s = c.connection().createStatement()) {
                s.execute("CREATE TABLE " + c.table("balances")
                        + " (account TEXT PRIMARY KEY, amount INTEGER NOT NULL DEFAULT 0)");
            }
        }

        @Override
        public void handle(JdbcContext c, RecordedEvent e) throws Exception {
            if (merged) {
                c.change(c.table("balances"), "account", e.stream().value()).add("amount", 1);
                return;
            }
            c.write(
                    "INSERT INTO " + c.table("balances") + " (account, amount) VALUES (?, 1)"
                            + " ON CONFLICT (account) DO UPDATE SET amount = amount + 1",
                    e.stream().value());
        }
    }
}
