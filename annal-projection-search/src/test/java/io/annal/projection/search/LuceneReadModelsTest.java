package io.annal.projection.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.ProjectionManager;
import io.annal.projection.ProjectionSink;
import io.annal.projection.ProjectionStatus;
import io.annal.projection.ProjectionStore.ServedGeneration;
import io.annal.projection.RunnerOptions;
import io.annal.projection.search.OrderIndex.Order;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamInfo;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import io.annal.store.tck.RepeatingSubscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneReadModelsTest {

    private static final List<String> CUSTOMERS = List.of("ada", "bob", "carla");
    private static final List<String> PRODUCTS = List.of("apple", "banana", "cherry", "fig");
    private static final RunnerOptions QUICK =
            RunnerOptions.defaults().withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4));

    @TempDir
    Path directory;

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private LuceneReadModels models;

    @BeforeEach
    void open() {
        // Commits skip fsync here: the tests are about what a commit contains, not about the disk.
        models = LuceneReadModels.open(directory, path -> new FilterDirectory(FSDirectory.open(path)) {
            @Override
            public void sync(Collection<String> names) {}

            @Override
            public void syncMetaData() {}
        });
    }

    @AfterEach
    void close() throws Exception {
        models.close();
        store.close();
    }

    /** Thrown where the process would have died, before the batch's commit. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash before the commit");
        }
    }

    @Test
    void crashes_and_repeated_deliveries_leave_the_index_equal_to_the_fold_of_the_log() {
        long seed = System.nanoTime();
        System.out.println("lucene crashes_and_repeated_deliveries seed=" + seed);
        Random random = new Random(seed);
        Random crashes = new Random(random.nextLong());
        AtomicInteger crashed = new AtomicInteger();
        ProjectionHandler<SearchContext> index = OrderIndex.projection().handler();
        Projection<SearchContext> crashing =
                Projection.of("orders", 1, EventFilter.streamPrefixes("order-"), (c, e) -> {
                    index.handle(c, e);
                    boolean crash;
                    synchronized (crashes) {
                        crash = crashed.get() < 3 || crashes.nextInt(10) == 0;
                    }
                    if (crash) {
                        crashed.incrementAndGet();
                        throw new SimulatedCrash();
                    }
                });
        appendOrders(random, 80);
        try (ProjectionManager manager = ProjectionManager.create(
                store,
                new RepeatingSubscriber(store, random.nextLong()),
                QUICK.withBatchSize(1 + random.nextInt(30)),
                InstantSource.system())) {
            manager.start(crashing, models);
            appendOrders(random, 80);
            Position head = store.headPosition().orElseThrow();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        if (manager.info("orders").status() == ProjectionStatus.FAILED) {
                            manager.resume("orders");
                        }
                        return manager.position("orders").filter(head::equals).isPresent();
                    });
        }
        assertThat(crashed.get()).isGreaterThanOrEqualTo(3);
        assertIndexEqualsTheFold();
    }

    @Test
    void a_batch_delivered_again_after_its_checkpoint_changes_nothing() throws Exception {
        appendOrders(new Random(3), 60);
        List<RecordedEvent> events = store.readAll(Position.START, Direction.FORWARD, 4096, EventFilter.all())
                .events();
        Position head = events.getLast().position();
        ProjectionSink sink = models.create(OrderIndex.projection(), 1);
        models.serve("orders", 1, 1);
        int half = events.size() / 2;

        sink.apply(events.subList(0, half), events.get(half - 1).position());
        sink.apply(events.subList(0, half), events.get(half - 1).position());
        sink.apply(events, head);
        sink.apply(events.subList(half / 2, events.size()), head);

        assertThat(sink.checkpoint()).contains(head);
        assertIndexEqualsTheFold();
    }

    @Test
    void queries_during_a_rebuild_see_the_whole_old_index_or_the_whole_new_one() throws Exception {
        appendOrders(new Random(5), 120);
        Semaphore gate = new Semaphore(Integer.MAX_VALUE);
        ProjectionHandler<SearchContext> index = OrderIndex.projection().handler();
        Projection<SearchContext> gated = Projection.of("orders", 1, EventFilter.streamPrefixes("order-"), (c, e) -> {
            gate.acquire();
            index.handle(c, e);
        });
        int orders = store.listStreams("order-", Optional.empty(), 1000).size();
        try (ProjectionManager manager =
                ProjectionManager.create(store, store, QUICK.withBatchSize(50), InstantSource.system())) {
            manager.start(gated, models);
            assertThat(manager.awaitPosition("orders", store.headPosition().orElseThrow(), Duration.ofSeconds(30)))
                    .isTrue();
            AtomicBoolean querying = new AtomicBoolean(true);
            AtomicInteger queries = new AtomicInteger();
            ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                while (querying.get()) {
                    seen.add(OrderIndex.count(models));
                    queries.incrementAndGet();
                }
            });

            gate.drainPermits();
            manager.rebuild("orders");
            gate.release(20);
            await().atMost(Duration.ofSeconds(30)).until(() -> gate.availablePermits() == 0 && gate.hasQueuedThreads());
            int before = queries.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.get() > before + 10);
            assertThat(manager.info("orders").status()).isEqualTo(ProjectionStatus.REBUILDING);
            gate.release(Integer.MAX_VALUE / 2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> models.served("orders"), g -> g.equals(Optional.of(new ServedGeneration(2, 1))));
            int switched = queries.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.get() > switched + 10);
            querying.set(false);
            reader.join();
            assertThat(seen).isNotEmpty().allMatch(count -> count == orders);
        }
    }

    @Test
    void a_poison_event_is_parked_and_can_be_retried_or_skipped() throws Exception {
        AtomicBoolean cured = new AtomicBoolean();
        ProjectionHandler<SearchContext> index = OrderIndex.projection().handler();
        Projection<SearchContext> picky = Projection.of("orders", 1, EventFilter.streamPrefixes("order-"), (c, e) -> {
            if (!cured.get() && e.dataAsString().contains("durian")) {
                throw new IllegalStateException("durian is not allowed");
            }
            index.handle(c, e);
        });
        append("o1", "ada apple");
        append("o2", "bob durian");
        append("o3", "carla durian fig");
        append("o4", "ada fig");
        try (ProjectionManager manager = ProjectionManager.create(store, store, QUICK, InstantSource.system())) {
            manager.start(picky, models);
            assertThat(manager.awaitPosition("orders", store.headPosition().orElseThrow(), Duration.ofSeconds(10)))
                    .isTrue();
            List<DeadLetter> letters = manager.deadLetters();
            assertThat(letters).hasSize(2).allSatisfy(l -> assertThat(l.error()).contains("durian"));
            assertThat(OrderIndex.count(models)).isEqualTo(2);

            cured.set(true);
            manager.retryDeadLetter(letters.get(0).id());
            manager.skipDeadLetter(letters.get(1).id());

            assertThat(manager.deadLetters()).isEmpty();
            assertThat(OrderIndex.countMatching(models, "durian")).isEqualTo(1);
            assertThat(OrderIndex.count(models)).isEqualTo(3);
        }
    }

    private void assertIndexEqualsTheFold() {
        List<StreamInfo> streams = store.listStreams("order-", Optional.empty(), 1000);
        for (StreamInfo info : streams) {
            Order expected = null;
            for (RecordedEvent event :
                    store.readStream(info.stream(), 0, Direction.FORWARD, 4096).events()) {
                expected = OrderIndex.fold(expected, event);
            }
            String id = info.stream().value().substring("order-".length());
            assertThat(OrderIndex.find(models, id)).as("order %s", id).contains(expected);
        }
        assertThat(OrderIndex.count(models)).isEqualTo(streams.size());
        for (String product : PRODUCTS) {
            long expected = streams.stream()
                    .filter(info -> {
                        List<RecordedEvent> events = store.readStream(info.stream(), 0, Direction.FORWARD, 4096)
                                .events();
                        List<String> words =
                                List.of(events.getLast().dataAsString().split(" "));
                        return words.subList(1, words.size()).contains(product);
                    })
                    .count();
            assertThat(OrderIndex.countMatching(models, product)).as(product).isEqualTo((int) expected);
        }
    }

    private void appendOrders(Random random, int count) {
        for (int i = 0; i < count; i++) {
            String id = "o" + random.nextInt(40);
            append(
                    id,
                    CUSTOMERS.get(random.nextInt(CUSTOMERS.size())) + " "
                            + PRODUCTS.get(random.nextInt(PRODUCTS.size())) + " "
                            + PRODUCTS.get(random.nextInt(PRODUCTS.size())));
        }
    }

    private void append(String id, String text) {
        store.append(
                StreamName.of("order-" + id), ExpectedVersion.any(), List.of(EventData.json("OrderChanged", text)));
    }
}
