package io.annal.projection.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.annal.projection.DeadLetter;
import io.annal.projection.FailurePolicy;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionManager;
import io.annal.projection.ProjectionStatus;
import io.annal.projection.RunnerOptions;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersTest {

    private static final RunnerOptions QUICK_RETRIES =
            RunnerOptions.defaults().withBatchSize(4).withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4));

    @TempDir
    Path directory;

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private ReadModelDatabase database;

    @BeforeEach
    void open() {
        database = ReadModelDatabase.open(SqlDialect.SQLITE, directory);
    }

    @AfterEach
    void close() {
        database.close();
        store.close();
    }

    @Test
    void a_poison_event_is_parked_with_its_error_and_the_rest_go_on() throws Exception {
        SeenEvents seen = SeenEvents.poisonedBy("e3");
        try (ProjectionManager manager = manager(QUICK_RETRIES)) {
            manager.start(seen.projection(), database.models());
            Position head = appendEvents(6);

            assertThat(manager.awaitPosition("seen", head, Duration.ofSeconds(10)))
                    .isTrue();
            assertThat(SeenEvents.read(database.models())).containsExactly("e0", "e1", "e2", "e4", "e5");
            List<DeadLetter> letters = manager.deadLetters();
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.projection()).isEqualTo("seen");
                assertThat(letter.stream()).isEqualTo(StreamName.of("s-3"));
                assertThat(letter.error()).contains("cannot digest e3");
                assertThat(letter.attempts()).isEqualTo(3);
            });
            assertThat(manager.info("seen").errors()).isGreaterThanOrEqualTo(3);
            assertThat(manager.info("seen").status()).isEqualTo(ProjectionStatus.RUNNING);
        }
    }

    @Test
    void a_parked_event_that_fails_again_stays_parked_and_once_cured_a_retry_applies_it() throws Exception {
        SeenEvents seen = SeenEvents.poisonedBy("e1");
        try (ProjectionManager manager = manager(QUICK_RETRIES)) {
            manager.start(seen.projection(), database.models());
            Position head = appendEvents(3);
            assertThat(manager.awaitPosition("seen", head, Duration.ofSeconds(10)))
                    .isTrue();
            String id = manager.deadLetters().getFirst().id();

            assertThatThrownBy(() -> manager.retryDeadLetter(id))
                    .isInstanceOf(ProjectionException.class)
                    .hasMessageContaining("failed again");
            assertThat(manager.deadLetters()).hasSize(1);

            seen.cure();
            manager.retryDeadLetter(id);
            assertThat(manager.deadLetters()).isEmpty();
            assertThat(SeenEvents.read(database.models())).containsExactly("e0", "e1", "e2");
            assertThatThrownBy(() -> manager.retryDeadLetter(id)).isInstanceOf(ProjectionException.class);
        }
    }

    @Test
    void a_skipped_dead_letter_is_gone_and_the_read_model_stays_without_it() throws Exception {
        SeenEvents seen = SeenEvents.poisonedBy("e0", "e2");
        try (ProjectionManager manager = manager(QUICK_RETRIES)) {
            manager.start(seen.projection(), database.models());
            Position head = appendEvents(4);
            assertThat(manager.awaitPosition("seen", head, Duration.ofSeconds(10)))
                    .isTrue();
            assertThat(manager.deadLetters()).hasSize(2);

            manager.skipDeadLetter(manager.deadLetters().getFirst().id());

            assertThat(manager.deadLetters())
                    .singleElement()
                    .extracting(DeadLetter::stream)
                    .isEqualTo(StreamName.of("s-2"));
            assertThat(SeenEvents.read(database.models())).containsExactly("e1", "e3");
        }
    }

    @Test
    void with_the_stop_policy_a_poison_event_stops_the_projection_until_resumed() throws Exception {
        SeenEvents seen = SeenEvents.poisonedBy("e2");
        try (ProjectionManager manager = manager(QUICK_RETRIES.withPoisonPolicy(FailurePolicy.STOP))) {
            manager.start(seen.projection(), database.models());
            Position head = appendEvents(5);

            assertThat(manager.awaitPosition("seen", head, Duration.ofMillis(300)))
                    .isFalse();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> manager.info("seen").status() == ProjectionStatus.FAILED);
            assertThat(manager.info("seen").lastError())
                    .hasValueSatisfying(e -> assertThat(e).contains("e2"));
            assertThat(manager.deadLetters()).isEmpty();
            assertThat(SeenEvents.read(database.models())).containsExactly("e0", "e1");

            seen.cure();
            manager.resume("seen");
            assertThat(manager.awaitPosition("seen", head, Duration.ofSeconds(10)))
                    .isTrue();
            assertThat(SeenEvents.read(database.models())).containsExactly("e0", "e1", "e2", "e3", "e4");
        }
    }

    @Test
    void while_the_read_model_database_is_down_events_wait_instead_of_being_parked(@TempDir Path elsewhere)
            throws Exception {
        AtomicBoolean down = new AtomicBoolean();
        try (ReadModelDatabase flaky =
                ReadModelDatabase.open(SqlDialect.SQLITE, elsewhere, source -> unreachableWhile(down, source))) {
            try (ProjectionManager manager = manager(QUICK_RETRIES)) {
                manager.start(new SeenEvents().projection(), flaky.models());
                down.set(true);
                Position head = appendEvents(3);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> manager.info("seen").errors() > 10);
                down.set(false);

                assertThat(manager.awaitPosition("seen", head, Duration.ofSeconds(10)))
                        .isTrue();
                assertThat(manager.deadLetters()).isEmpty();
                assertThat(SeenEvents.read(flaky.models())).containsExactly("e0", "e1", "e2");
            }
        }
    }

    private static DataSource unreachableWhile(AtomicBoolean down, DataSource source) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("getConnection")) {
                        throw new SQLException("connection refused");
                    }
                    try {
                        return method.invoke(source, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private ProjectionManager manager(RunnerOptions options) {
        return ProjectionManager.create(store, store, options, InstantSource.system());
    }

    private Position appendEvents(int count) {
        IntStream.range(0, count)
                .forEach(i -> store.append(
                        StreamName.of("s-" + i), ExpectedVersion.any(), List.of(EventData.json("Happened", "e" + i))));
        return store.headPosition().orElseThrow();
    }
}
