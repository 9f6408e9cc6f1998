package io.annal.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.annal.kafka.OutboxRelay;
import io.annal.kafka.TestBroker;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StreamName;
import io.annal.store.embedded.Durability;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The outbox relay (issue 7) against a Kafka broker in this JVM ({@link TestBroker}).
 *
 * <p>{@code --mode throughput}: fills an embedded store with {@code --events} {@code Deposited}
 * events (1,000 {@code account-} streams, ~40 B JSON), then each round starts a relay under a new
 * name, so from position 0, and times it until the broker has acknowledged the last event.
 * {@code --mode latency}: see {@link KafkaLatency}.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.KafkaRelay --mode throughput --events 500000
 * </pre>
 */
public final class KafkaRelay {

    static final ObjectMapper JSON = new ObjectMapper();

    private KafkaRelay() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        Path dir = Files.createTempDirectory("annal-kafka-bench-");
        try (TestBroker broker = TestBroker.start()) {
            if (options.getOrDefault("mode", "throughput").equals("latency")) {
                KafkaLatency.run(broker, dir, options);
            } else {
                throughput(broker, dir, options);
            }
        } finally {
            Options.deleteRecursively(dir);
        }
    }

    private static void throughput(TestBroker broker, Path dir, java.util.Map<String, String> options)
            throws Exception {
        int events = Integer.parseInt(options.getOrDefault("events", "500000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1024"));
        try (EmbeddedEventStore store =
                EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir).withDurability(Durability.UNSAFE_NO_FSYNC))) {
            fill(store, events);
            Position end = Position.of(store.headPosition().orElseThrow().value() + 1);
            double[] rates = new double[rounds];
            double[] cpu = new double[rounds];
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                long cpu0 = os.getProcessCpuTime();
                try (OutboxRelay relay = OutboxRelay.builder("bench-" + r, store, broker.bootstrapServers())
                        .batchSize(batch)
                        .build()
                        .start()) {
                    while (relay.acknowledgedUpTo().value() < end.value()) {
                        if (relay.failure().isPresent()) {
                            throw new IllegalStateException(
                                    "the relay failed", relay.failure().get());
                        }
                        Thread.sleep(2);
                    }
                    rates[r] = events / ((System.nanoTime() - t0) / 1e9);
                    // the whole process: relay, producer and broker
                    cpu[r] = (os.getProcessCpuTime() - cpu0) / 1e3 / events;
                }
            }
            Arrays.sort(rates);
            Arrays.sort(cpu);
            System.out.printf(
                    "Kafka outbox relay of %d events to a broker in this JVM, pages of %d: median %.1fK events/s,"
                            + " best %.1fK, median %.2f µs process CPU per event (%d rounds, each from position 0"
                            + " under a new relay name)%n",
                    events, batch, rates[rounds / 2] / 1e3, rates[rounds - 1] / 1e3, cpu[rounds / 2], rounds);
        }
    }

    /** Appends {@code events} deposits in batches of 1,000, round-robin over 1,000 accounts. */
    static void fill(EventStore store, int events) {
        for (int written = 0, b = 0; written < events; b++) {
            int n = Math.min(1000, events - written);
            List<EventData> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(deposit(UUID.randomUUID()));
            }
            store.append(StreamName.of("account-" + (b % 1000)), ExpectedVersion.any(), list);
            written += n;
        }
    }

    static EventData deposit(UUID id) {
        return EventData.of(
                id, "Deposited", "{\"amount\":5,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8), null);
    }
}
