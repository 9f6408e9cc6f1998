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
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.HttpHost;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/** The OpenSearch read models against a real node, started once for the class (~17 s). */
class OpenSearchReadModelsTest {

    private static final List<String> CUSTOMERS = List.of("ada", "bob", "carla");
    private static final List<String> PRODUCTS = List.of("apple", "banana", "cherry", "fig");
    private static final RunnerOptions QUICK =
            RunnerOptions.defaults().withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4));

    private static OpenSearchRunner node;
    private static OpenSearchClient client;

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private final AtomicBoolean crashBeforeCheckpoint = new AtomicBoolean();
    private OpenSearchReadModels models;

    @BeforeAll
    static void startNode() throws IOException {
        node = new OpenSearchRunner();
        node.build(OpenSearchRunner.newConfigs()
                .basePath(Files.createTempDirectory("annal-opensearch-").toString())
                .clusterName("annal-test")
                .numOfNode(1)
                .disableESLogger());
        node.ensureYellow();
        int port = Integer.parseInt(node.node().settings().get("http.port"));
        client = new OpenSearchClient(ApacheHttpClient5TransportBuilder.builder(new HttpHost("http", "127.0.0.1", port))
                .build());
    }

    @AfterAll
    static void stopNode() throws IOException {
        client._transport().close();
        node.close();
        node.clean();
    }

    @BeforeEach
    void open() throws IOException {
        client.indices().delete(d -> d.index("annal*").allowNoIndices(true));
        models = OpenSearchReadModels.using(client, () -> {
            if (crashBeforeCheckpoint.getAndSet(false)) {
                throw new SimulatedCrash();
            }
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Thrown where the process would have died, between a batch's writes and its checkpoint. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash between the writes and the checkpoint");
        }
    }

    @Test
    void crashes_between_writes_and_checkpoint_and_repeated_deliveries_leave_the_fold_of_the_log() throws Exception {
        long seed = System.nanoTime();
        System.out.println("opensearch crashes_and_repeated_deliveries seed=" + seed);
        Random random = new Random(seed);
        AtomicInteger crashes = new AtomicInteger();
        appendOrders(random, 60);
        try (ProjectionManager manager = ProjectionManager.create(
                store,
                new RepeatingSubscriber(store, random.nextLong()),
                QUICK.withBatchSize(1 + random.nextInt(20)),
                InstantSource.system())) {
            Projection<OpenSearchContext> orders = OpenSearchOrders.projection();
            Projection<OpenSearchContext> crashing = Projection.of(orders.name(), 1, orders.filter(), (c, e) -> {
                orders.handler().handle(c, e);
                synchronized (random) {
                    if (crashes.get() < 3 || random.nextInt(8) == 0) {
                        crashes.incrementAndGet();
                        crashBeforeCheckpoint.set(true);
                    }
                }
            });
            manager.start(crashing, models);
            appendOrders(random, 60);
            Position head = store.headPosition().orElseThrow();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (manager.info("orders").status() == ProjectionStatus.FAILED) {
                            manager.resume("orders");
                        }
                        return manager.position("orders").filter(head::equals).isPresent();
                    });
        }
        assertThat(crashes.get()).isGreaterThanOrEqualTo(3);
        assertModelEqualsTheFold();
    }

    @Test
    void older_writes_sent_again_after_newer_ones_change_nothing() throws Exception {
        appendOrders(new Random(3), 40);
        List<RecordedEvent> events = store.readAll(Position.START, Direction.FORWARD, 4096, EventFilter.all())
                .events();
        Position head = events.getLast().position();
        ProjectionSink sink = models.create(OpenSearchOrders.projection(), 1);
        models.serve("orders", 1, 1);
        int half = events.size() / 2;

        crashBeforeCheckpoint.set(true);
        try {
            sink.apply(events, head);
        } catch (SimulatedCrash expected) {
            // every write landed, the checkpoint did not move
        }
        assertThat(sink.checkpoint()).isEmpty();
        // The first half again, over documents that already hold later events: each write is refused.
        sink.apply(events.subList(0, half), events.get(half - 1).position());
        assertModelEqualsTheFold();
        sink.apply(events.subList(0, half), events.get(half - 1).position());
        sink.apply(events, head);

        assertThat(sink.checkpoint()).contains(head);
        assertModelEqualsTheFold();
    }

    @Test
    void a_rebuild_moves_the_alias_at_once_and_queries_see_a_whole_index() throws Exception {
        appendOrders(new Random(5), 80);
        long orders = store.listStreams("order-", Optional.empty(), 1000).size();
        try (ProjectionManager manager =
                ProjectionManager.create(store, store, QUICK.withBatchSize(10), InstantSource.system())) {
            manager.start(OpenSearchOrders.projection(), models);
            assertThat(manager.awaitPosition("orders", store.headPosition().orElseThrow(), Duration.ofSeconds(60)))
                    .isTrue();
            AtomicBoolean querying = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                while (querying.get()) {
                    try {
                        seen.add(OpenSearchOrders.count(client, models));
                    } catch (IOException e) {
                        seen.add(-1L);
                    }
                }
            });
            manager.rebuild("orders");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> models.served("orders"), g -> g.equals(Optional.of(new ServedGeneration(2, 1))));
            int switched = seen.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() > switched + 5);
            querying.set(false);
            reader.join();
            assertThat(seen).hasSizeGreaterThan(10).allMatch(count -> count == orders);
            assertThat(client.indices().exists(e -> e.index("annal-orders-g1")).value())
                    .as("the build served before stays until the next switch")
                    .isTrue();
        }
    }

    @Test
    void a_poison_event_is_parked_and_can_be_retried_or_skipped() throws Exception {
        AtomicBoolean cured = new AtomicBoolean();
        ProjectionHandler<OpenSearchContext> index =
                OpenSearchOrders.projection().handler();
        Projection<OpenSearchContext> picky =
                Projection.of("orders", 1, EventFilter.streamPrefixes("order-"), (c, e) -> {
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
            assertThat(manager.awaitPosition("orders", store.headPosition().orElseThrow(), Duration.ofSeconds(30)))
                    .isTrue();
            List<DeadLetter> letters = manager.deadLetters();
            assertThat(letters).hasSize(2).allSatisfy(l -> assertThat(l.error()).contains("durian"));
            assertThat(OpenSearchOrders.count(client, models)).isEqualTo(2);

            cured.set(true);
            manager.retryDeadLetter(letters.get(0).id());
            manager.skipDeadLetter(letters.get(1).id());

            assertThat(manager.deadLetters()).isEmpty();
            assertThat(OpenSearchOrders.countMatching(client, models, "durian")).isEqualTo(1);
            assertThat(OpenSearchOrders.count(client, models)).isEqualTo(3);
        }
    }

    private void assertModelEqualsTheFold() throws IOException {
        List<StreamInfo> streams = store.listStreams("order-", Optional.empty(), 1000);
        for (StreamInfo info : streams) {
            Order expected = null;
            List<RecordedEvent> events =
                    store.readStream(info.stream(), 0, Direction.FORWARD, 4096).events();
            for (RecordedEvent event : events) {
                expected = OrderIndex.fold(expected, event);
            }
            String id = info.stream().value().substring("order-".length());
            assertThat(OpenSearchOrders.find(client, models, id))
                    .as("order %s", id)
                    .contains(expected);
        }
        assertThat(OpenSearchOrders.count(client, models)).isEqualTo(streams.size());
        for (String product : PRODUCTS) {
            long expected = streams.stream()
                    .filter(info -> {
                        String last = store.readStream(info.stream(), 0, Direction.FORWARD, 4096)
                                .events()
                                .getLast()
                                .dataAsString();
                        List<String> words = List.of(last.split(" "));
                        return words.subList(1, words.size()).contains(product);
                    })
                    .count();
            assertThat(OpenSearchOrders.countMatching(client, models, product))
                    .as(product)
                    .isEqualTo(expected);
        }
    }

    private void appendOrders(Random random, int count) {
        for (int i = 0; i < count; i++) {
            append(
                    "o" + random.nextInt(30),
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
