package io.annal.benchmarks;

import io.annal.kafka.OutboxRelay;
import io.annal.kafka.TestBroker;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import io.annal.store.embedded.Durability;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Append → Kafka consumer latency: deposits appended one at a time at a steady {@code --rate}
 * (open loop, virtual threads) to an embedded store (fsync by default; {@code --fsync off}),
 * relayed by an {@link OutboxRelay} with pages of {@code --batch} events, read by a consumer
 * polling {@code annal.bank}; each latency runs from the append's start until the consumer holds
 * the record (matched by the CloudEvent id, which is the event id). A 3 s warm-up is left out.
 */
final class KafkaLatency {

    private KafkaLatency() {}

    static void run(TestBroker broker, Path dir, Map<String, String> options) throws Exception {
        int rate = Integer.parseInt(options.getOrDefault("rate", "5000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = 3;
        int batch = Integer.parseInt(options.getOrDefault("batch", "1024"));
        Durability durability = options.getOrDefault("fsync", "on").equals("off")
                ? Durability.UNSAFE_NO_FSYNC
                : EmbeddedStoreConfig.of(dir).durability();
        Map<UUID, Long> started = new ConcurrentHashMap<>();
        LatencyRecorder recorder = new LatencyRecorder();
        LatencyRecorder appends = new LatencyRecorder(); // the append alone: store or relay?
        AtomicLong received = new AtomicLong();
        AtomicBoolean consuming = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(1);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (EmbeddedEventStore store =
                        EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir).withDurability(durability));
                OutboxRelay relay = OutboxRelay.builder("bench-live", store, broker.bootstrapServers())
                        .batchSize(batch)
                        .build()
                        .start();
                KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            Thread reader = Thread.ofPlatform().start(() -> {
                consumer.subscribe(List.of("annal.bank"));
                // Appends start once the consumer holds its partitions: joining late would add the
                // group's start-up to every latency.
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(50));
                }
                assigned.countDown();
                while (consuming.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        try {
                            UUID id = UUID.fromString(KafkaRelay.JSON
                                    .readTree(record.value())
                                    .get("id")
                                    .asText());
                            Long t0 = started.remove(id);
                            if (t0 != null) {
                                recorder.record(now - t0);
                            }
                            received.incrementAndGet();
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException("a record is not a CloudEvent", e);
                        }
                    }
                }
            });
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the consumer got no partitions of annal.bank in 60 s");
            }
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long total = (long) rate * (warmup + seconds);
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long wait = start + i * period - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                boolean measured = i >= (long) rate * warmup;
                StreamName stream = StreamName.of("account-" + (i % 1000));
                Thread.ofVirtual().start(() -> {
                    UUID id = UUID.randomUUID();
                    long t0 = System.nanoTime();
                    if (measured) {
                        started.put(id, t0);
                    }
                    store.append(stream, ExpectedVersion.any(), List.of(KafkaRelay.deposit(id)));
                    if (measured) {
                        long appendNanos = System.nanoTime() - t0;
                        synchronized (appends) {
                            appends.record(appendNanos);
                        }
                    }
                });
            }
            double offered = total / ((System.nanoTime() - start) / 1e9);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            consuming.set(false);
            reader.join();
            LatencyRecorder.Percentiles percentiles = LatencyRecorder.merge(List.of(recorder));
            LatencyRecorder.Percentiles appendOnly;
            synchronized (appends) {
                appendOnly = LatencyRecorder.merge(List.of(appends));
            }
            System.out.printf(
                    "Kafka append -> consumer at %d events/s offered (%.0f achieved), %d s measured, %d samples:"
                            + " p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; %d of %d received"
                            + " (store %s, relay pages of %d); of which the append alone: p50 %.2f ms, p99 %.2f ms%n",
                    rate,
                    offered,
                    seconds,
                    recorder.count(),
                    percentiles.millis(50),
                    percentiles.millis(99),
                    percentiles.millis(99.9),
                    percentiles.millis(100),
                    received.get(),
                    total,
                    durability,
                    batch,
                    appendOnly.millis(50),
                    appendOnly.millis(99));
        }
    }
}
