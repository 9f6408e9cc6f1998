package io.annal.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.projection.ProjectionInfo;
import io.annal.projection.ProjectionManager;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.projection.jdbc.ReadModelDatabase;
import io.annal.projection.jdbc.SqlDialect;
import io.annal.store.Position;
import io.annal.store.embedded.Durability;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: the embedded event store feeding SQLite read models, across a restart. */
class EmbeddedStoreProjectionTest {

    private static final List<String> NAMES = List.of("balance", "statement", "transfers", "orders", "stock");

    @TempDir
    Path directory;

    @Test
    void read_models_follow_the_embedded_store_and_resume_after_a_restart() throws Exception {
        long seed = System.nanoTime();
        System.out.println("read_models_follow_the_embedded_store seed=" + seed);
        Workload workload = new Workload(seed);
        EmbeddedStoreConfig config = EmbeddedStoreConfig.of(Files.createDirectories(directory.resolve("log")))
                .withDurability(Durability.UNSAFE_NO_FSYNC);
        try (ReadModelDatabase database = ReadModelDatabase.open(SqlDialect.SQLITE, directory)) {
            try (EmbeddedEventStore store = EmbeddedEventStore.open(config);
                    ProjectionManager manager = startAll(store, database.models())) {
                workload.append(store, 200);
                awaitHead(manager, store.headPosition().orElseThrow());
            }
            try (EmbeddedEventStore store = EmbeddedEventStore.open(config);
                    ProjectionManager manager = startAll(store, database.models())) {
                workload.append(store, 200);
                Position head = store.headPosition().orElseThrow();
                awaitHead(manager, head);
                for (String name : NAMES) {
                    ProjectionInfo info = manager.info(name);
                    assertThat(info.lagEvents()).as(name).isZero();
                    assertThat(info.lagMillis()).as(name).isZero();
                }
                FoldOfTheLog.assertBankModelsMatch(store, database.models());
                FoldOfTheLog.assertOrdersModelsMatch(store, database.models());
            }
        }
    }

    private static ProjectionManager startAll(EmbeddedEventStore store, JdbcReadModels models) {
        ProjectionManager manager = ProjectionManager.create(store);
        manager.start(BalanceReadModel.projection(), models);
        manager.start(StatementReadModel.projection(), models);
        manager.start(TransferReadModel.projection(), models);
        manager.start(OrderReadModel.projection(), models);
        manager.start(StockReadModel.projection(), models);
        return manager;
    }

    private static void awaitHead(ProjectionManager manager, Position head) throws InterruptedException {
        for (String name : NAMES) {
            assertThat(manager.awaitPosition(name, head, Duration.ofSeconds(30)))
                    .as(name)
                    .isTrue();
        }
    }
}
