package io.annal.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamName;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops and starts again on the same data directory while eight writers append and a
 * subscription follows {@code $all}. Appends in flight fail with a clear storage error, none that
 * was acknowledged is lost, and the store carries on without being reopened.
 */
class ServerRestartTest {

    private static final int WRITERS = 8;
    private static final Duration BOUND = Duration.ofSeconds(90);

    private final Map<UUID, AppendResult> acknowledged = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    @Test
    void no_acknowledged_append_is_lost_and_the_store_recovers_when_the_server_restarts() throws Exception {
        assumeTrue(TestPostgres.isEmbedded(), "needs the embedded server, which the test can stop and start");
        Path data = Files.createTempDirectory("annal-pg-restart");
        int port = freePort();
        EmbeddedPostgres server = start(data, port);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            PostgresStoreConfig config = PostgresStoreConfig.forUrl(
                            server.getJdbcUrl("postgres", "postgres"), null, null)
                    .withSchema("restart")
                    .withConnectionTimeout(Duration.ofSeconds(2));
            try (PostgresEventStore store = PostgresEventStore.open(config)) {
                List<RecordedEvent> delivered = new CopyOnWriteArrayList<>();
                List<Throwable> subscriptionEnd = new CopyOnWriteArrayList<>();
                Subscription subscription = store.subscribeToAll(
                        SubscriptionStart.fromStart(), EventFilter.all(), listener(delivered, subscriptionEnd));
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    StreamName stream = StreamName.of("writer-" + w);
                    writers.add(threads.submit(() -> write(store, stream)));
                }
                await().atMost(BOUND).until(() -> acknowledged.size() >= 100);

                server.close();
                await().atMost(BOUND).until(() -> !failures.isEmpty());
                server = start(data, port);
                int beforeRecovery = acknowledged.size();
                await().atMost(BOUND).until(() -> acknowledged.size() >= beforeRecovery + 100);

                stop.set(true);
                for (Future<?> writer : writers) {
                    writer.get(1, TimeUnit.MINUTES);
                }
                assertThat(failures)
                        .allSatisfy(f -> assertThat(f)
                                .isInstanceOf(StorageException.class)
                                .hasMessageContaining("not acknowledged"));
                List<RecordedEvent> stored = readAll(store);
                assertEveryAcknowledgedAppendIsStored(stored);
                await().atMost(BOUND).until(() -> delivered.size() >= stored.size());
                assertThat(delivered)
                        .as("the subscription lived through the restart")
                        .isEqualTo(stored);
                assertThat(subscriptionEnd).isEmpty();
                subscription.close();
            }
        } finally {
            stop.set(true);
            threads.shutdownNow();
            server.close();
            deleteRecursively(data);
        }
    }

    private void write(PostgresEventStore store, StreamName stream) {
        while (!stop.get()) {
            EventData event = EventData.json("Written", "{}");
            try {
                acknowledged.put(event.id(), store.append(stream, ExpectedVersion.any(), List.of(event)));
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
    }

    private void assertEveryAcknowledgedAppendIsStored(List<RecordedEvent> stored) {
        Map<UUID, RecordedEvent> byId = new ConcurrentHashMap<>();
        stored.forEach(e -> byId.put(e.id(), e));
        assertThat(acknowledged).allSatisfy((id, result) -> {
            RecordedEvent event = byId.get(id);
            assertThat(event).as("acknowledged event " + id).isNotNull();
            assertThat(event.position()).isEqualTo(result.firstPosition());
            assertThat(event.version()).isEqualTo(result.firstVersion());
        });
    }

    private static List<RecordedEvent> readAll(PostgresEventStore store) {
        List<RecordedEvent> events = new ArrayList<>();
        Position from = Position.START;
        while (true) {
            var slice = store.readAll(from, Direction.FORWARD, 4096, EventFilter.all());
            events.addAll(slice.events());
            if (slice.next().isEmpty()) {
                return events;
            }
            from = slice.next().get();
        }
    }

    private static SubscriptionListener listener(List<RecordedEvent> delivered, List<Throwable> ended) {
        return new SubscriptionListener() {
            @Override
            public void onEvent(RecordedEvent event) {
                delivered.add(event);
            }

            @Override
            public void onClosed(Throwable error) {
                if (error != null) {
                    ended.add(error);
                }
            }
        };
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
