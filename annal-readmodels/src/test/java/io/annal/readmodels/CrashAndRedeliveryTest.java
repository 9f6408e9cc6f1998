package io.annal.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.projection.Projection;
import io.annal.projection.ProjectionManager;
import io.annal.projection.ProjectionSink;
import io.annal.projection.ProjectionStatus;
import io.annal.projection.RunnerOptions;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.ReadModelDatabase;
import io.annal.projection.jdbc.SqlDialect;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.memory.InMemoryEventStore;
import io.annal.store.tck.RepeatingSubscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R6: a projection that crashes between applying events and storing its checkpoint, and that gets
 * events delivered one to three times, still ends with read models equal to the pure fold of the
 * log, because the checkpoint commits in the same transaction as the change.
 */
class CrashAndRedeliveryTest {

    private static final List<Projection<JdbcContext>> PROJECTIONS = List.of(
            BalanceReadModel.projection(),
            StatementReadModel.projection(),
            TransferReadModel.projection(),
            OrderReadModel.projection(),
            StockReadModel.projection());

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void crashes_and_repeated_deliveries_leave_the_read_models_equal_to_the_fold_of_the_log(SqlDialect dialect) {
        long seed = System.nanoTime();
        System.out.println("crashes_and_repeated_deliveries " + dialect + " seed=" + seed);
        Random random = new Random(seed);
        CrashingDataSource crashing = new CrashingDataSource(random.nextLong(), 0.2);
        Workload workload = new Workload(random.nextLong());
        RunnerOptions options = RunnerOptions.defaults()
                .withBatchSize(1 + random.nextInt(40))
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5));
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ReadModelDatabase database = ReadModelDatabase.open(dialect, directory, crashing::wrap);
                ProjectionManager manager = ProjectionManager.create(
                        store, new RepeatingSubscriber(store, random.nextLong()), options, InstantSource.system())) {
            workload.append(store, 150);
            PROJECTIONS.forEach(p -> manager.start(p, database.models()));
            crashing.arm();
            workload.append(store, 150);
            Position head = store.headPosition().orElseThrow();

            // Each failed runner is a crashed process: restart it until all have caught up.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        boolean all = true;
                        for (Projection<JdbcContext> p : PROJECTIONS) {
                            if (manager.info(p.name()).status() == ProjectionStatus.FAILED) {
                                manager.resume(p.name());
                            }
                            all &= manager.position(p.name())
                                    .filter(at -> !at.isAfter(head) && at.equals(head))
                                    .isPresent();
                        }
                        return all;
                    });

            assertThat(crashing.crashes()).isGreaterThanOrEqualTo(3);
            FoldOfTheLog.assertBankModelsMatch(store, database.models());
            FoldOfTheLog.assertOrdersModelsMatch(store, database.models());
        }
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void a_batch_delivered_again_after_its_checkpoint_changes_nothing(SqlDialect dialect) throws Exception {
        long seed = System.nanoTime();
        System.out.println("a_batch_delivered_again " + dialect + " seed=" + seed);
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ReadModelDatabase database = ReadModelDatabase.open(dialect, directory)) {
            new Workload(seed).append(store, 120);
            List<RecordedEvent> events = store.readAll(Position.START, Direction.FORWARD, 4096, EventFilter.all())
                    .events();
            Position head = events.getLast().position();
            List<ProjectionSink> sinks = PROJECTIONS.stream()
                    .map(p -> {
                        try {
                            database.models().serve(p.name(), 1, p.version());
                            return database.models().create(p, 1);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            for (int i = 0; i < PROJECTIONS.size(); i++) {
                EventFilter filter = PROJECTIONS.get(i).filter();
                List<RecordedEvent> selected =
                        events.stream().filter(filter::matches).toList();
                ProjectionSink sink = sinks.get(i);
                int half = selected.size() / 2;
                sink.apply(selected.subList(0, half), selected.get(half - 1).position());
                sink.apply(selected.subList(0, half), selected.get(half - 1).position());
                sink.apply(selected, head);
                sink.apply(selected.subList(half / 2, selected.size()), head);
                assertThat(sink.checkpoint()).contains(head);
            }
            // serve() ran before create(): point the views at the tables made since.
            for (Projection<JdbcContext> p : PROJECTIONS) {
                database.models().serve(p.name(), 1, p.version());
            }
            FoldOfTheLog.assertBankModelsMatch(store, database.models());
            FoldOfTheLog.assertOrdersModelsMatch(store, database.models());
        }
    }
}
