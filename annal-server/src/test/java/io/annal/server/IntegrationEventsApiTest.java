package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.http.ApiLimits;
import io.annal.kafka.TestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code --kafka-bootstrap}, the reference domains' events reach Kafka as the contract's CloudEvents. */
class IntegrationEventsApiTest {

    @TempDir
    static Path dataDir;

    static TestBroker broker;
    static TestServer server;

    @BeforeAll
    static void start() {
        broker = TestBroker.start();
        server = TestServer.start(dataDir, ApiLimits.defaults(), "--kafka-bootstrap", broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void a_deposit_is_published_to_the_bank_topic_as_a_cloud_event_keyed_by_its_stream() throws IOException {
        String account = UUID.randomUUID().toString();
        server.command("open-account", "{\"accountId\":\"" + account + "\",\"owner\":\"Ada\"}");
        JsonNode deposit = server.command("deposit", "{\"accountId\":\"" + account + "\",\"amount\":25}");
        JsonNode stored = server.get("/streams/account-" + account + "/1").json();

        List<ConsumerRecord<String, byte[]>> records = readAll("annal.bank", 2);

        assertThat(records).extracting(ConsumerRecord::key).containsOnly("account-" + account);
        JsonNode cloudEvent = TestServer.JSON.readTree(records.get(1).value());
        assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.get("id").asText()).isEqualTo(stored.get("id").asText());
        assertThat(cloudEvent.get("type").asText()).isEqualTo("io.annal.bank.Deposited.v1");
        assertThat(cloudEvent.get("source").asText()).isEqualTo("/annal/bank");
        assertThat(cloudEvent.get("subject").asText()).isEqualTo("account-" + account);
        // the HTTP API shows milliseconds; the CloudEvent keeps the stored precision
        assertThat(Instant.parse(cloudEvent.get("time").asText()).truncatedTo(ChronoUnit.MILLIS))
                .isEqualTo(Instant.parse(stored.get("recordedAt").asText()));
        assertThat(cloudEvent.get("data").get("amount").asLong()).isEqualTo(25);
        assertThat(deposit.get("stream").asText()).isEqualTo("account-" + account);
    }

    /** Reads the topic from the start until {@code expected} records for one run have arrived. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "server-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(60);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("could not read " + topic, e));
        }
        return records;
    }
}
