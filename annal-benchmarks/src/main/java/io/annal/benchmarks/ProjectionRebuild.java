package io.annal.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.ProjectionManager;
import io.annal.projection.RunnerOptions;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.store.EventFilter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;

/**
 * P9: rebuilds a SQL read model in PostgreSQL (embedded, durable settings; see {@link PgServer})
 * from an embedded store filled once by {@link StoreFill}. The read model keeps one row per stream
 * (event count, last position), changed with {@link JdbcContext#change}: a transaction's changes of
 * {@code --batch} events merged by row and sent as multi-row upserts ({@code --writes queued}: one
 * single-row upsert per event in one JDBC batch; {@code --writes direct}: one round trip each). The
 * first build is timed, then {@code --rounds} rebuilds beside the served one until each takes over.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.ProjectionRebuild --dir /tmp/annal-rebuild-200k --events 200000
 * </pre>
 */
public final class ProjectionRebuild {

    private ProjectionRebuild() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        long events = Long.parseLong(options.getOrDefault("events", "200000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1024"));
        // "merged": JdbcContext.change, rows merged by key and sent as multi-row upserts; "queued": one
        // JDBC batch of single-row upserts; "direct": one round trip per event. Ratios in one session.
        String writes = options.getOrDefault("writes", "merged");
        if (!List.of("merged", "queued", "direct").contains(writes)) {
            throw new IllegalArgumentException("--writes is merged, queued or direct (got " + writes + ")");
        }
        Path dir = Path.of(options.getOrDefault("dir", "/tmp/annal-bench-rebuild-" + events));
        Files.createDirectories(dir);
        StoreFill.ensure(dir, events, 1000, 100);
        Projection<JdbcContext> projection = Projection.of("stream_totals", 1, EventFilter.all(), new Totals(writes));
        try (PgServer pg = PgServer.start(options.get("url"));
                EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir))) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pg.url());
            config.setMaximumPoolSize(4);
            try (HikariDataSource pool = new HikariDataSource(config);
                    ProjectionManager manager = ProjectionManager.create(
                            store, store, RunnerOptions.defaults().withBatchSize(batch), InstantSource.system())) {
                JdbcReadModels models = JdbcReadModels.postgres(pool);
                Position head = store.headPosition().orElseThrow();
                long t0 = System.nanoTime();
                manager.start(projection, models);
                if (!manager.awaitPosition(projection.name(), head, Duration.ofMinutes(10))) {
                    throw new IllegalStateException(
                            "the first build did not finish: " + manager.info(projection.name()));
                }
                double first = events / ((System.nanoTime() - t0) / 1e9);
                double[] rates = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long generation =
                            models.served(projection.name()).orElseThrow().generation();
                    long r0 = System.nanoTime();
                    manager.rebuild(projection.name());
                    while (models.served(projection.name()).orElseThrow().generation() == generation) {
                        Thread.sleep(5);
                    }
                    rates[r] = events / ((System.nanoTime() - r0) / 1e9);
                }
                long rows = models.query(c -> {
                    try (Statement s = c.createStatement();
                            var rs = s.executeQuery("SELECT sum(events) FROM stream_totals")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                if (rows != events) {
                    throw new IllegalStateException("the read model counts " + rows + " events, expected " + events);
                }
                Arrays.sort(rates);
                System.out.printf(
                        "P9 rebuild of %d events into PostgreSQL (%s), batches of %d, %s writes: first build %.1fK events/s;"
                                + " rebuilds beside the served one: median %.1fK events/s, best %.1fK (%d rounds)%n",
                        events,
                        pg.describe(),
                        batch,
                        writes,
                        first / 1e3,
                        rates[rounds / 2] / 1e3,
                        rates[rounds - 1] / 1e3,
                        rounds);
            }
        }
    }

    /** One row per stream: its event count and last position. */
    private static final class Totals implements ProjectionHandler<JdbcContext> {
        private final String writes;

        Totals(String writes) {
            this.writes = writes;
        }

        @Override
        public void prepare(JdbcContext c) throws Exception {
            try (Statement s = c.connection().createStatement()) {
                s.execute("CREATE TABLE " + c.table("stream_totals")
                        + " (stream text PRIMARY KEY, events bigint NOT NULL, last_position bigint NOT NULL)");
            }
        }

        @Override
        public void handle(JdbcContext c, RecordedEvent e) throws Exception {
            String table = c.table("stream_totals");
            if (writes.equals("merged")) {
                c.change(table, "stream", e.stream().value())
                        .add("events", 1)
                        .set("last_position", e.position().value());
                return;
            }
            String upsert = "INSERT INTO " + table + " (stream, events, last_position) VALUES (?, 1, ?)"
                    + " ON CONFLICT (stream) DO UPDATE SET events = " + table + ".events + 1,"
                    + " last_position = excluded.last_position";
            if (writes.equals("queued")) {
                c.write(upsert, e.stream().value(), e.position().value());
                return;
            }
            try (PreparedStatement s = c.connection().prepareStatement(upsert)) {
                s.setString(1, e.stream().value());
                s.setLong(2, e.position().value());
                s.executeUpdate();
            }
        }
    }
}
