package io.annal.benchmarks;

import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.StoreLimits;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import io.annal.store.embedded.Durability;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import io.annal.store.memory.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * P3: reads one stream of {@code --events} events (10,000) from start to end, in pages of the
 * largest read count, as loading an aggregate does; the log also holds other streams' events
 * interleaved with it. Reports the median and p99 of {@code --reads} timed loads after a warm-up.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.StreamRead --target embedded --events 10000
 * </pre>
 */
public final class StreamRead {

    private StreamRead() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        String target = options.getOrDefault("target", "embedded");
        int events = Integer.parseInt(options.getOrDefault("events", "10000"));
        int size = Integer.parseInt(options.getOrDefault("size", "256"));
        int reads = Integer.parseInt(options.getOrDefault("reads", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "300"));
        Path dir = Files.createTempDirectory(Path.of(options.getOrDefault("dir", "/tmp")), "annal-bench-");
        try (EventStore store = "memory".equals(target)
                ? InMemoryEventStore.create()
                : EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir).withDurability(Durability.UNSAFE_NO_FSYNC))) {
            StreamName stream = StreamName.of("aggregate-1");
            StreamName other = StreamName.of("other");
            byte[] payload = new byte[size];
            for (int written = 0; written < events; written += 100) {
                store.append(stream, ExpectedVersion.any(), batch(100, payload));
                store.append(other, ExpectedVersion.any(), batch(100, payload));
            }
            long sink = 0;
            for (int i = 0; i < warmup; i++) {
                sink += load(store, stream);
            }
            long[] nanos = new long[reads];
            for (int i = 0; i < reads; i++) {
                long t0 = System.nanoTime();
                sink += load(store, stream);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "P3 target=%s stream of %d events (%d B): load median %.2f ms, p99 %.2f ms (%d reads, check %d)%n",
                    target, events, size, nanos[reads / 2] / 1e6, nanos[(int) (reads * 0.99)] / 1e6, reads, sink % 10);
        } finally {
            Options.deleteRecursively(dir);
        }
    }

    /** Reads the whole stream and returns its event count plus a byte of each, so nothing is skipped. */
    private static long load(EventStore store, StreamName stream) {
        long count = 0;
        long from = 0;
        while (true) {
            StreamSlice slice = store.readStream(stream, from, Direction.FORWARD, StoreLimits.MAX_READ_COUNT);
            for (var event : slice.events()) {
                count += 1 + event.data().length;
            }
            if (slice.next().isEmpty()) {
                return count;
            }
            from = slice.next().getAsLong();
        }
    }

    private static List<EventData> batch(int n, byte[] payload) {
        List<EventData> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(EventData.of(UUID.randomUUID(), "Deposited", payload, null));
        }
        return list;
    }
}
