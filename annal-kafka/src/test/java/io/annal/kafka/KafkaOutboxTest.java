package io.annal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay and the inbox against a real broker, one for the whole class. */
class KafkaOutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONG = Duration.ofSeconds(90);

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void published_events_are_cloud_events_keyed_by_stream_on_their_domain_topic() throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            RecordedEvent deposited = append(store, "account-a", "Deposited", "{\"amount\":5}");
            append(store, "account-a", "InternalNote", "{}"); // a type the contract does not publish
            append(store, "cart-x", "Deposited", "{\"amount\":1}"); // a stream no route takes
            RecordedEvent created = append(store, "order-o", "OrderConfirmed", "{}");
            TopicRoutes routes =
                    TopicRoutes.none().route("account-", "shape.bank").route("order-", "shape.orders");

            try (OutboxRelay relay = OutboxRelay.builder("shape", store, broker.bootstrapServers())
                    .topics(routes)
                    .build()
                    .start()) {
                List<ConsumerRecord<String, byte[]>> records = readAll(List.of("shape.bank", "shape.orders"), 2);

                assertThat(records).hasSize(2);
                ConsumerRecord<String, byte[]> bank = records.stream()
                        .filter(r -> r.topic().equals("shape.bank"))
                        .findFirst()
                        .orElseThrow();
                assertThat(bank.key()).isEqualTo("account-a");
                JsonNode cloudEvent = JSON.readTree(bank.value());
                assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
                assertThat(cloudEvent.get("id").asText())
                        .isEqualTo(deposited.id().toString());
                assertThat(cloudEvent.get("type").asText()).isEqualTo("io.annal.bank.Deposited.v1");
                assertThat(cloudEvent.get("source").asText()).isEqualTo("/annal/bank");
                assertThat(cloudEvent.get("subject").asText()).isEqualTo("account-a");
                assertThat(cloudEvent.get("time").asText()).isEqualTo(CloudEventsJson.rfc3339(deposited.recordedAt()));
                assertThat(cloudEvent.get("data")).isEqualTo(JSON.readTree("{\"amount\":5}"));
                ConsumerRecord<String, byte[]> orders = records.stream()
                        .filter(r -> r.topic().equals("shape.orders"))
                        .findFirst()
                        .orElseThrow();
                assertThat(CloudEventsJson.decode(orders.value()))
                        .isEqualTo(IntegrationEvent.of(
                                created.id(),
                                "io.annal.orders.OrderConfirmed.v1",
                                "/annal/orders",
                                "order-o",
                                created.recordedAt(),
                                "{}".getBytes(StandardCharsets.UTF_8)));
                await().untilAsserted(() -> assertThat(relay.acknowledgedUpTo()).isGreaterThan(created.position()));
            }
        }
    }

    /**
     * R7. Three relays over one outbox, with a broker restart between each:
     *
     * <pre>
     * relay 1: pages of 50, killed at its 130th send (mid-page 3)  -> what was acknowledged stays
     * broker restarts; 200 more events
     * relay 2: killed after a page is acknowledged, before its checkpoint -> that page goes again
     * consumer 1: killed after applying an event, before committing its offset
     * relay 3 + consumer 2: run to the end; 100 more events; the broker restarts once more
     * </pre>
     *
     * Every event reaches the consumer's store exactly once and in its stream's order.
     */
    @Test
    void no_integration_event_is_lost_and_effects_happen_once_across_crashes_and_broker_restarts() {
        long seed = new Random().nextLong();
        System.out.println("KafkaOutboxTest R7 seed " + seed);
        Random random = new Random(seed);
        TopicRoutes routes = TopicRoutes.none().route("account-", "r7.bank").route("order-", "r7.orders");
        List<String> topics = routes.topics();
        Map<String, List<UUID>> expected = new LinkedHashMap<>();
        try (InMemoryEventStore outbox = InMemoryEventStore.create();
                InMemoryEventStore consumerStore = InMemoryEventStore.create()) {
            appendRandom(outbox, 300, random, expected);

            AtomicInteger sends = new AtomicInteger();
            OutboxRelay first = relay(outbox, routes)
                    .afterSend(n -> {
                        if (sends.incrementAndGet() == 130) {
                            throw new Crash("mid-batch");
                        }
                    })
                    .build()
                    .start();
            await().atMost(LONG).until(() -> first.failure().isPresent());
            first.close();
            assertThat(first.failure()).containsInstanceOf(Crash.class);

            broker.restart();
            appendRandom(outbox, 200, random, expected);

            AtomicInteger checkpoints = new AtomicInteger();
            OutboxRelay second = relay(outbox, routes)
                    .beforeCheckpoint(next -> {
                        if (checkpoints.incrementAndGet() == 2) {
                            throw new Crash("after the broker acknowledged a page, before its checkpoint");
                        }
                    })
                    .build()
                    .start();
            await().atMost(LONG).until(() -> second.failure().isPresent());
            second.close();

            StoreInbox inbox = StoreInbox.of(consumerStore, "ledger", KafkaOutboxTest::seenEffect);
            AtomicInteger applied = new AtomicInteger();
            InboxConsumer firstConsumer = InboxConsumer.of(broker.bootstrapServers(), "ledger", topics, event -> {
                        inbox.onEvent(event);
                        if (applied.incrementAndGet() == 75) {
                            throw new Crash("after applying an event, before committing its offset");
                        }
                    })
                    .start();
            await().atMost(LONG).until(() -> firstConsumer.failure().isPresent());
            firstConsumer.close();

            try (OutboxRelay third = relay(outbox, routes).build().start();
                    InboxConsumer consumer = InboxConsumer.of(broker.bootstrapServers(), "ledger", topics, inbox)
                            .start()) {
                appendRandom(outbox, 100, random, expected);
                await().atMost(LONG).until(() -> countSeen(consumerStore, expected) >= 300);
                broker.restart();
                await().atMost(LONG)
                        .untilAsserted(() ->
                                assertThat(countSeen(consumerStore, expected)).isEqualTo(600));
                assertThat(third.failure()).isEmpty();
                assertThat(consumer.failure()).isEmpty();
            }

            for (Map.Entry<String, List<UUID>> stream : expected.entrySet()) {
                assertThat(seen(consumerStore, stream.getKey()))
                        .as("what the consumer applied for %s", stream.getKey())
                        .containsExactlyElementsOf(stream.getValue());
            }
            assertThat(inbox.repeatsDropped())
                    .as("repeats the relays and the consumer crash caused")
                    .isPositive();
        }
    }

    @Test
    void an_append_wakes_an_idle_relay_and_a_clean_stop_saves_the_checkpoint() throws InterruptedException {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            TopicRoutes routes = TopicRoutes.none().route("account-", "wake.bank");
            RecordedEvent first = append(store, "account-w", "Deposited", "{\"amount\":1}");
            // neither polling nor the time or count of checkpoints could move this relay
            OutboxRelay relay = OutboxRelay.builder("wake", store, broker.bootstrapServers())
                    .topics(routes)
                    .idlePause(Duration.ofHours(1))
                    .checkpointEvery(Duration.ofHours(1), Integer.MAX_VALUE)
                    .build()
                    .start();
            try {
                await().atMost(LONG)
                        .until(() -> relay.acknowledgedUpTo().value()
                                > first.position().value());
                RecordedEvent second = append(store, "account-w", "Deposited", "{\"amount\":2}");
                await().atMost(LONG)
                        .until(() -> relay.acknowledgedUpTo().value()
                                > second.position().value());
                assertThat(new RelayCheckpoint(store, "wake").load())
                        .as("no checkpoint is due yet")
                        .isEqualTo(io.annal.store.Position.START);
            } finally {
                relay.close();
            }
            assertThat(relay.failure()).isEmpty();
            assertThat(new RelayCheckpoint(store, "wake").load()).isEqualTo(relay.acknowledgedUpTo());
            assertThat(readAll(List.of("wake.bank"), 2)).hasSize(2);
        }
    }

    @Test
    void pipelining_and_checkpoint_settings_out_of_range_are_refused_with_what_to_fix() {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            OutboxRelayBuilder builder = OutboxRelay.builder("bad", store, broker.bootstrapServers());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.pagesInFlight(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pages in flight are 1 to 64, not 0");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.checkpointEvery(Duration.ofMillis(-1), 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zero or more");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.checkpointEvery(Duration.ZERO, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a checkpoint is saved every 1 or more events, not 0");
        }
    }

    private static OutboxRelayBuilder relay(EventStore outbox, TopicRoutes routes) {
        return OutboxRelay.builder("r7", outbox, broker.bootstrapServers())
                .topics(routes)
                .batchSize(50)
                .checkpointEvery(Duration.ZERO, 1) // after every acknowledged page, for the crash hooks
                .onFailure(e -> {});
    }

    private static List<StreamAppend> seenEffect(IntegrationEvent event) {
        String data = "{\"id\":\"" + event.id() + "\"}";
        return List.of(StreamAppend.of(
                StreamName.of("seen-" + event.subject()),
                ExpectedVersion.any(),
                List.of(EventData.json("Seen", data))));
    }

    private static void appendRandom(EventStore store, int count, Random random, Map<String, List<UUID>> expected) {
        for (int i = 0; i < count; i++) {
            boolean bank = random.nextBoolean();
            String stream = (bank ? "account-" : "order-") + random.nextInt(6);
            RecordedEvent event = append(store, stream, bank ? "Deposited" : "ItemAdded", "{\"n\":" + i + "}");
            expected.computeIfAbsent(stream, s -> new ArrayList<>()).add(event.id());
        }
    }

    private static RecordedEvent append(EventStore store, String stream, String type, String json) {
        StreamName name = StreamName.of(stream);
        long version = store.append(name, ExpectedVersion.any(), List.of(EventData.json(type, json)))
                .lastVersion();
        return store.readStream(name, version, Direction.FORWARD, 1).events().getFirst();
    }

    private static int countSeen(EventStore consumerStore, Map<String, List<UUID>> expected) {
        return expected.keySet().stream()
                .mapToInt(s -> seen(consumerStore, s).size())
                .sum();
    }

    private static List<UUID> seen(EventStore consumerStore, String stream) {
        StreamName name = StreamName.of("seen-" + stream);
        if (consumerStore.info(name).isEmpty()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (RecordedEvent event :
                consumerStore.readStream(name, 0, Direction.FORWARD, 4096).events()) {
            try {
                ids.add(UUID.fromString(JSON.readTree(event.data()).get("id").asText()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ids;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(List<String> topics, int atLeast) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(topics);
            await().atMost(LONG).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
        }
        return records;
    }
}
