package io.annal.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.BankCodecs;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.ProjectionManager;
import io.annal.projection.ProjectionStatus;
import io.annal.projection.ProjectionStore.ServedGeneration;
import io.annal.projection.RunnerOptions;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.ReadModelDatabase;
import io.annal.projection.jdbc.SqlDialect;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rebuild writes a new generation beside the served one and switches the views in one
 * transaction: queries running throughout see the complete old model or the complete new one.
 */
class RebuildWhileServingTest {

    private static final EventCodec<AccountEvent> ACCOUNTS = BankCodecs.accounts();
    private static final int ACCOUNTS_OPENED = 40;
    private static final int DEPOSITS_EACH = 10;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void queries_during_a_rebuild_see_the_whole_old_model_or_the_whole_new_one(SqlDialect dialect) throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ReadModelDatabase database = ReadModelDatabase.open(dialect, directory);
                ProjectionManager manager = ProjectionManager.create(
                        store, store, RunnerOptions.defaults().withBatchSize(5), InstantSource.system())) {
            long total = appendAccounts(store);
            Semaphore gate = new Semaphore(Integer.MAX_VALUE);
            manager.start(gated(BalanceReadModel.projection(), gate), database.models());
            Position head = store.headPosition().orElseThrow();
            assertThat(manager.awaitPosition("balance", head, Duration.ofSeconds(30)))
                    .isTrue();

            AtomicBoolean querying = new AtomicBoolean(true);
            AtomicInteger queries = new AtomicInteger();
            ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                while (querying.get()) {
                    seen.add(database.models().query(RebuildWhileServingTest::summary));
                    queries.incrementAndGet();
                }
            });

            // Hold the new build inside its first transactions while queries run, then let it finish.
            gate.drainPermits();
            manager.rebuild("balance");
            gate.release(20);
            await().atMost(Duration.ofSeconds(30)).until(() -> gate.availablePermits() == 0 && gate.hasQueuedThreads());
            int before = queries.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.get() > before + 20);
            assertThat(manager.info("balance").status()).isEqualTo(ProjectionStatus.REBUILDING);
            assertThat(database.models().served("balance")).contains(new ServedGeneration(1, 2));
            gate.release(Integer.MAX_VALUE / 2);
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> database.models().served("balance"),
                            g -> g.equals(Optional.of(new ServedGeneration(2, 2))));
            int switched = queries.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.get() > switched + 20);
            querying.set(false);
            reader.join();

            String complete = ACCOUNTS_OPENED + " accounts, " + total + " in total";
            assertThat(seen).isNotEmpty().allMatch(complete::equals, complete);
            assertThat(manager.info("balance").status()).isEqualTo(ProjectionStatus.RUNNING);
            assertThat(manager.position("balance")).contains(head);
            long oldTables = database.models().query(c -> tableCount(c, "balance_g1"));
            assertThat(oldTables).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void a_new_projection_version_builds_beside_the_old_data_and_takes_over(SqlDialect dialect) throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ReadModelDatabase database = ReadModelDatabase.open(dialect, directory)) {
            long total = appendAccounts(store);
            Position head = store.headPosition().orElseThrow();
            try (ProjectionManager first = ProjectionManager.create(store)) {
                first.start(BalanceReadModel.projection(1), database.models());
                assertThat(first.awaitPosition("balance", head, Duration.ofSeconds(30)))
                        .isTrue();
            }
            try (ProjectionManager second = ProjectionManager.create(store)) {
                second.start(BalanceReadModel.projection(2), database.models());
                assertThat(database.models().query(RebuildWhileServingTest::summary))
                        .isEqualTo(ACCOUNTS_OPENED + " accounts, " + total + " in total");
                assertThat(second.awaitPosition("balance", head, Duration.ofSeconds(30)))
                        .isTrue();
                assertThat(database.models().served("balance")).contains(new ServedGeneration(2, 2));
                assertThat(database.models().query(RebuildWhileServingTest::summary))
                        .isEqualTo(ACCOUNTS_OPENED + " accounts, " + total + " in total");
            }
        }
    }

    /** The projection, with every event waiting for a permit of {@code gate} first. */
    private static Projection<JdbcContext> gated(Projection<JdbcContext> projection, Semaphore gate) {
        ProjectionHandler<JdbcContext> handler = new ProjectionHandler<>() {
            @Override
            public void handle(JdbcContext context, RecordedEvent event) throws Exception {
                gate.acquire();
                projection.handler().handle(context, event);
            }

            @Override
            public void prepare(JdbcContext context) throws Exception {
                projection.handler().prepare(context);
            }
        };
        return Projection.of(projection.name(), projection.version(), projection.filter(), handler);
    }

    private static long appendAccounts(InMemoryEventStore store) {
        long total = 0;
        for (int a = 0; a < ACCOUNTS_OPENED; a++) {
            List<EventData> events = new ArrayList<>();
            events.add(ACCOUNTS.encode(new AccountEvent.AccountOpened("a" + a, "owner" + a), UUID.randomUUID()));
            for (int d = 1; d <= DEPOSITS_EACH; d++) {
                events.add(ACCOUNTS.encode(new AccountEvent.Deposited(d * 10L + a), UUID.randomUUID()));
                total += d * 10L + a;
            }
            store.append(StreamName.of("account-a" + a), ExpectedVersion.noStream(), events);
        }
        return total;
    }

    private static String summary(java.sql.Connection c) throws java.sql.SQLException {
        try (var s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(balance), 0) FROM balance")) {
            r.next();
            return r.getLong(1) + " accounts, " + r.getLong(2) + " in total";
        }
    }

    private static long tableCount(java.sql.Connection c, String table) throws java.sql.SQLException {
        try (var r = c.getMetaData().getTables(null, c.getSchema(), table, new String[] {"TABLE"})) {
            long n = 0;
            while (r.next()) {
                n++;
            }
            return n;
        }
    }
}
