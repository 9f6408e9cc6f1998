package io.annal.store.embedded;

import static io.annal.store.embedded.Events.events;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.SubscriptionStart;
import io.annal.store.embedded.FaultInjectionTest.Wrapper;
import io.annal.store.embedded.internal.log.SegmentChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appender writes the next batch while the previous one is forced. Here the force of a batch
 * is held until the batch behind it is written: neither is readable, delivered or acknowledged
 * before its own force, the one behind is checked against the one being forced, and when that
 * force fails both fail.
 */
class PipelineTest {

    private static final StreamName FIRST = StreamName.of("first-1");
    private static final StreamName SECOND = StreamName.of("second-1");

    @TempDir
    Path directory;

    private final ExecutorService callers = Executors.newFixedThreadPool(2);
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean failHeldForce = new AtomicBoolean();
    private final CountDownLatch forceHeld = new CountDownLatch(1);
    private final CountDownLatch writtenBehind = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger forcesDone = new AtomicInteger();

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void a_batch_written_behind_a_held_force_is_checked_against_it_and_seen_only_after_its_own_force()
            throws Exception {
        Map<UUID, Integer> forcesWhenSeen = new ConcurrentHashMap<>();
        List<EventData> first = events(3);
        List<EventData> second = events(2);
        List<EventData> third = events(1);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config());
                var subscription = store.subscribeToAll(
                        SubscriptionStart.fromStart(),
                        EventFilter.all(),
                        event -> forcesWhenSeen.put(event.id(), forcesDone.get()))) {
            armed.set(true);
            CompletableFuture<AppendResult> held = CompletableFuture.supplyAsync(
                    () -> store.append(FIRST, ExpectedVersion.noStream(), first), callers);
            assertThat(forceHeld.await(30, SECONDS)).isTrue();
            // one request: a new stream, and the next version of the stream whose append is being forced
            CompletableFuture<List<AppendResult>> behind = CompletableFuture.supplyAsync(
                    () -> store.appendAtomically(List.of(
                            new StreamAppend(SECOND, ExpectedVersion.noStream(), second),
                            new StreamAppend(FIRST, ExpectedVersion.exact(2), third))),
                    callers);
            assertThat(writtenBehind.await(30, SECONDS)).isTrue();

            assertThat(held).isNotDone();
            assertThat(behind).isNotDone();
            assertThat(readAll(store)).isEmpty();
            assertThat(forcesWhenSeen).isEmpty();

            int forcesBefore = forcesDone.get(); // the held force is counted once it returns
            release.countDown();
            assertThat(held.get(30, SECONDS).lastVersion()).isEqualTo(2L);
            assertThat(behind.get(30, SECONDS))
                    .extracting(AppendResult::firstVersion, AppendResult::lastVersion)
                    .containsExactly(tuple(0L, 1L), tuple(3L, 3L));
            Awaitility.await().until(() -> forcesWhenSeen.size() == 6);
            first.forEach(event -> assertThat(forcesWhenSeen.get(event.id())).isGreaterThan(forcesBefore));
            for (EventData event : concat(second, third)) {
                assertThat(forcesWhenSeen.get(event.id())).isGreaterThan(forcesBefore + 1);
            }
            assertThat(readAll(store)).containsExactlyElementsOf(concat(concat(first, second), third));
            assertThat(subscription.isClosed()).isFalse();
        }
    }

    @Test
    void a_failed_force_fails_the_batch_written_behind_it_and_reopening_recovers() throws Exception {
        failHeldForce.set(true);
        List<EventData> acknowledged = new ArrayList<>();
        List<EventData> first = events(3);
        List<EventData> second = events(2);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            for (int i = 0; i < 5; i++) {
                List<EventData> batch = events(2);
                store.append(FIRST, ExpectedVersion.any(), batch);
                acknowledged.addAll(batch);
            }
            armed.set(true);
            CompletableFuture<AppendResult> held =
                    CompletableFuture.supplyAsync(() -> store.append(FIRST, ExpectedVersion.any(), first), callers);
            assertThat(forceHeld.await(30, SECONDS)).isTrue();
            CompletableFuture<AppendResult> behind = CompletableFuture.supplyAsync(
                    () -> store.append(SECOND, ExpectedVersion.noStream(), second), callers);
            assertThat(writtenBehind.await(30, SECONDS)).isTrue();
            int forcesBefore = forcesDone.get();
            release.countDown();

            assertThatThrownBy(held::join).hasCauseInstanceOf(StorageException.class);
            assertThatThrownBy(behind::join)
                    .hasCauseInstanceOf(StorageException.class)
                    .hasMessageContaining("reopen");
            assertThatThrownBy(() -> store.append(SECOND, ExpectedVersion.any(), events(1)))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("reopen");
            assertThat(forcesDone.get()).as("nothing forced after the failure").isEqualTo(forcesBefore);
            assertThat(readAll(store)).containsExactlyElementsOf(acknowledged);
        }

        try (EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(directory))) {
            List<EventData> stored = readAll(store);
            assertThat(stored.subList(0, acknowledged.size())).containsExactlyElementsOf(acknowledged);
            List<EventData> rest = stored.subList(acknowledged.size(), stored.size());
            assertThat(List.of(List.of(), first, concat(first, second)))
                    .as("the failed batches are there in order, each whole or not at all")
                    .contains(rest);
            store.append(SECOND, ExpectedVersion.any(), events(1));
        }
    }

    private EmbeddedStoreConfig config() {
        return EmbeddedStoreConfig.of(directory).withFaultInjector(FaultInjectionTest.wrapping(new Wrapper() {
            @Override
            public void write(SegmentChannel inner, ByteBuffer bytes, long offset) throws IOException {
                inner.write(bytes, offset);
                if (forceHeld.getCount() == 0) {
                    writtenBehind.countDown();
                }
            }

            @Override
            public void force(SegmentChannel inner) throws IOException {
                if (armed.compareAndSet(true, false)) {
                    forceHeld.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while the force was held", e);
                    }
                    if (failHeldForce.get()) {
                        throw new IOException("fsync failed: EIO");
                    }
                }
                inner.force();
                forcesDone.incrementAndGet();
            }
        }));
    }

    private static List<EventData> readAll(EmbeddedEventStore store) {
        return store.readAll(Position.START, Direction.FORWARD, 100, EventFilter.all()).events().stream()
                .map(RecordedEvent::toEventData)
                .toList();
    }

    private static List<EventData> concat(List<EventData> a, List<EventData> b) {
        List<EventData> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
