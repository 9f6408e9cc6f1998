package io.annal.projection.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.projection.ProjectionInfo;
import io.annal.projection.ProjectionManager;
import io.annal.projection.ProjectionStatus;
import io.annal.projection.RunnerOptions;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LagAndReadYourWritesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path directory;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;

    @Test
    void a_paused_projection_reports_its_lag_in_events_and_millis_and_catches_up_on_resume() throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create(clock);
                ReadModelDatabase database = ReadModelDatabase.open(SqlDialect.SQLITE, directory);
                ProjectionManager manager = ProjectionManager.create(store, store, RunnerOptions.defaults(), clock)) {
            manager.start(new SeenEvents().projection(), database.models());
            Position first = append(store, 3);
            assertThat(manager.awaitPosition("seen", first, Duration.ofSeconds(10)))
                    .isTrue();
            assertThat(manager.info("seen"))
                    .isEqualTo(new ProjectionInfo(
                            "seen", ProjectionStatus.RUNNING, Optional.of(first), 0, 0, 0, Optional.empty()));

            manager.pause("seen");
            now.set(T0.plusSeconds(1));
            Position head = append(store, 4);
            now.set(T0.plusSeconds(6));

            ProjectionInfo behind = manager.info("seen");
            assertThat(behind.status()).isEqualTo(ProjectionStatus.PAUSED);
            assertThat(behind.position()).contains(first);
            assertThat(behind.lagEvents()).isEqualTo(4);
            assertThat(behind.lagMillis()).isEqualTo(5_000);
            assertThat(manager.awaitPosition("seen", head, Duration.ofMillis(50)))
                    .isFalse();

            manager.resume("seen");
            assertThat(manager.awaitPosition("seen", head, Duration.ofSeconds(10)))
                    .isTrue();
            ProjectionInfo caughtUp = manager.info("seen");
            assertThat(caughtUp.status()).isEqualTo(ProjectionStatus.RUNNING);
            assertThat(caughtUp.lagEvents()).isZero();
            assertThat(caughtUp.lagMillis()).isZero();
            assertThat(SeenEvents.read(database.models())).hasSize(7);
        }
    }

    @Test
    void a_restarted_manager_resumes_from_the_stored_checkpoint() throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create(clock);
                ReadModelDatabase database = ReadModelDatabase.open(SqlDialect.SQLITE, directory)) {
            Position first = append(store, 3);
            try (ProjectionManager manager = ProjectionManager.create(store)) {
                manager.start(new SeenEvents().projection(), database.models());
                assertThat(manager.awaitPosition("seen", first, Duration.ofSeconds(10)))
                        .isTrue();
            }
            Position head = append(store, 2);
            try (ProjectionManager manager = ProjectionManager.create(store)) {
                manager.start(new SeenEvents().projection(), database.models());
                assertThat(manager.position("seen")).isPresent();
                assertThat(manager.awaitPosition("seen", head, Duration.ofSeconds(10)))
                        .isTrue();
            }
            // The table's primary key would have refused a second application of the first three.
            assertThat(SeenEvents.read(database.models())).hasSize(5);
        }
    }

    private static Position append(InMemoryEventStore store, int count) {
        Position last = Position.START;
        for (int i = 0; i < count; i++) {
            last = store.append(
                            StreamName.of("s-" + i),
                            ExpectedVersion.any(),
                            List.of(EventData.json("Happened", "x" + System.nanoTime())))
                    .lastPosition();
        }
        return last;
    }
}
