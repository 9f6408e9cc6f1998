package io.annal.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionStart;
import io.annal.store.WrongExpectedVersionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one schema stand for two application processes, the second with two committers:
 * their group commits overlap in PostgreSQL. Optimistic appends to shared hot streams lose no
 * update, new streams created by both at once come out whole, and a subscription on either sees
 * every event once, in order.
 */
class TwoProcessesTest {

    private static final int WRITERS_PER_STORE = 8;
    private static final int UPDATES_PER_WRITER = 15;
    private static final int HOT_STREAMS = 4;

    private final long seed = Long.getLong("annal.twoprocesses.seed", System.nanoTime());

    @Test
    void overlapping_group_commits_lose_no_update_and_subscribers_miss_nothing() throws Exception {
        System.out.println("TwoProcessesTest seed " + seed + " (replay with -Dannal.twoprocesses.seed=" + seed + ")");
        PostgresStoreConfig config = TestPostgres.freshConfig();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try (PostgresEventStore first = PostgresEventStore.open(config);
                PostgresEventStore second = PostgresEventStore.open(config.withCommitters(2))) {
            List<RecordedEvent> delivered = new CopyOnWriteArrayList<>();
            Subscription subscription =
                    second.subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), delivered::add);
            AtomicLong successes = new AtomicLong();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2 * WRITERS_PER_STORE; w++) {
                PostgresEventStore store = w % 2 == 0 ? first : second;
                Random random = new Random(seed + w);
                writers.add(threads.submit(() -> {
                    for (int u = 0; u < UPDATES_PER_WRITER; u++) {
                        StreamName stream = StreamName.of("hot-" + random.nextInt(HOT_STREAMS));
                        while (!appendAfterReading(store, stream)) {
                            // Lost the race: read again and retry, as a command handler would.
                        }
                        successes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }

            long total = 0;
            for (int s = 0; s < HOT_STREAMS; s++) {
                List<RecordedEvent> events = first.readStream(StreamName.of("hot-" + s), 0, Direction.FORWARD, 4096)
                        .events();
                for (int v = 0; v < events.size(); v++) {
                    assertThat(events.get(v).version()).isEqualTo(v);
                    assertThat(events.get(v).dataAsString()).isEqualTo("{\"seen\":" + v + "}");
                }
                total += events.size();
            }
            assertThat(total).as("every acknowledged update is stored").isEqualTo(successes.get());
            long stored = total;
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.size() >= stored);
            assertThat(delivered).hasSize((int) stored);
            assertStrictlyIncreasingAndInStreamOrder(delivered);
            subscription.close();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Appends the stream's current length as data, expecting that exact version: a lost update shows. */
    private static boolean appendAfterReading(PostgresEventStore store, StreamName stream) {
        long last;
        try {
            last = store.readStream(stream, Long.MAX_VALUE, Direction.BACKWARD, 1)
                    .lastVersion();
        } catch (StreamNotFoundException e) {
            last = -1;
        }
        ExpectedVersion expected = last < 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(last);
        try {
            AppendResult result =
                    store.append(stream, expected, List.of(EventData.json("Seen", "{\"seen\":" + (last + 1) + "}")));
            return !result.duplicate();
        } catch (WrongExpectedVersionException e) {
            return false;
        }
    }

    private static void assertStrictlyIncreasingAndInStreamOrder(List<RecordedEvent> events) {
        Map<StreamName, Long> next = new HashMap<>();
        long previous = -1;
        for (RecordedEvent event : events) {
            assertThat(event.position().value()).isGreaterThan(previous);
            previous = event.position().value();
            long expected = next.getOrDefault(event.stream(), 0L);
            assertThat(event.version()).isEqualTo(expected);
            next.put(event.stream(), expected + 1);
        }
    }
}
