package io.annal.projection.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamName;
import io.annal.store.postgres.PostgresEventStore;
import io.annal.store.postgres.PostgresStoreConfig;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Projections applied in the PostgreSQL store's own append transactions. */
class InlineSqlProjectionsTest {

    private static final AtomicLong STORES = new AtomicLong();

    @Test
    void an_acknowledged_append_is_already_in_the_read_model_and_the_checkpoint_follows() throws Exception {
        try (HikariDataSource pool = TestPostgres.freshPool()) {
            JdbcReadModels models = JdbcReadModels.postgres(pool);
            InlineSqlProjections inline = models.inline(List.of(totals()));
            try (PostgresEventStore store = PostgresEventStore.open(storeConfig(), inline::apply);
                    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> appends = new ArrayList<>();
                for (int caller = 0; caller < 16; caller++) {
                    String account = "acct-" + (caller % 4);
                    appends.add(callers.submit(() -> {
                        for (int i = 0; i < 10; i++) {
                            store.append(StreamName.of(account), ExpectedVersion.any(), List.of(amount(5)));
                            // read-your-writes with no waiting: the append's transaction updated it
                            assertThat(total(models, account)).isGreaterThanOrEqualTo(5);
                        }
                        return null;
                    }));
                }
                for (Future<?> append : appends) {
                    append.get();
                }
                for (int a = 0; a < 4; a++) {
                    assertThat(total(models, "acct-" + a)).isEqualTo(4 * 10 * 5);
                }
                assertThat(count(models, "SELECT last_position FROM annal_checkpoints WHERE projection = 'totals'"))
                        .isEqualTo(store.headPosition().orElseThrow().value());
            }
        }
    }

    @Test
    void an_append_the_projection_refuses_is_not_stored_and_its_neighbours_are() throws Exception {
        try (HikariDataSource pool = TestPostgres.freshPool()) {
            JdbcReadModels models = JdbcReadModels.postgres(pool);
            try (PostgresEventStore store =
                            PostgresEventStore.open(storeConfig(), models.inline(List.of(totals()))::apply);
                    ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> good = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    good.add(callers.submit(
                            () -> store.append(StreamName.of("good"), ExpectedVersion.any(), List.of(amount(1)))));
                }
                assertThatThrownBy(() -> store.append(StreamName.of("bad"), ExpectedVersion.any(), List.of(amount(-1))))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("amounts are positive");
                for (Future<?> append : good) {
                    append.get();
                }

                assertThat(store.info(StreamName.of("bad"))).isEmpty();
                assertThat(total(models, "good")).isEqualTo(20);
                assertThat(count(models, "SELECT count(*) FROM totals WHERE account = 'bad'"))
                        .isZero();
            }
        }
    }

    @Test
    void sqlite_read_models_and_a_projection_served_at_another_version_are_refused() throws Exception {
        try (HikariDataSource pool = TestPostgres.freshPool()) {
            JdbcReadModels models = JdbcReadModels.postgres(pool);
            models.inline(List.of(totals()));
            Projection<JdbcContext> newer = Projection.of("totals", 2, EventFilter.all(), new Totals());

            assertThatThrownBy(() -> models.inline(List.of(newer)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("served at version 1 but the code is at version 2");
        }
        JdbcReadModels sqlite = JdbcReadModels.sqlite(java.nio.file.Files.createTempFile("inline", ".db"));
        assertThatThrownBy(() -> sqlite.inline(List.of(totals())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL");
    }

    private static PostgresStoreConfig storeConfig() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(TestPostgres.url());
        return PostgresStoreConfig.forDataSource(source)
                .withSchema("inline_es_" + STORES.incrementAndGet() + "_" + System.nanoTime() % 100_000);
    }

    private static EventData amount(long value) {
        return EventData.json("Amount", Long.toString(value));
    }

    private static Projection<JdbcContext> totals() {
        return Projection.of("totals", 1, EventFilter.all(), new Totals());
    }

    private static long total(JdbcReadModels models, String account) {
        return count(models, "SELECT coalesce(sum(total), 0) FROM totals WHERE account = '" + account + "'");
    }

    private static long count(JdbcReadModels models, String sql) {
        return models.query(c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** Sums each stream's amounts; refuses a negative one. */
    private static final class Totals implements ProjectionHandler<JdbcContext> {
        @Override
        public void prepare(JdbcContext c) throws Exception {
            try (Statement s = c.connection().createStatement()) {
                s.execute("CREATE TABLE " + c.table("totals") + " (account TEXT PRIMARY KEY, total BIGINT NOT NULL)");
            }
        }

        @Override
        public void handle(JdbcContext c, RecordedEvent e) throws Exception {
            long amount = Long.parseLong(e.dataAsString());
            if (amount < 0) {
                throw new IllegalArgumentException("amounts are positive (got " + amount + ")");
            }
            String table = c.table("totals");
            c.write(
                    "INSERT INTO " + table + " (account, total) VALUES (?, ?) ON CONFLICT (account)"
                            + " DO UPDATE SET total = " + table + ".total + excluded.total",
                    e.stream().value(),
                    amount);
        }
    }
}
