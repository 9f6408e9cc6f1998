package io.annal.benchmarks;

import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import io.annal.store.embedded.Durability;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import io.annal.store.embedded.ScavengeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 3 scavenge: fills a fresh store with {@code --events} events of ~{@code --size} B, each of
 * {@code --streams} streams written whole in turn in batches of 1,000, deletes half of the streams
 * and times one durable scavenge. {@code --deleted middle} deletes the middle half (its segments lie
 * between kept ones); {@code alternate} every other stream, so that every segment keeps a live event.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.ScavengeCost --events 1000000 --deleted middle
 * </pre>
 */
public final class ScavengeCost {

    private ScavengeCost() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int streams = Integer.parseInt(options.getOrDefault("streams", "1000"));
        int size = Integer.parseInt(options.getOrDefault("size", "200"));
        long segment = Long.parseLong(options.getOrDefault("segment-mib", "8")) << 20;
        String deleted = options.getOrDefault("deleted", "middle");
        if (!deleted.equals("middle") && !deleted.equals("alternate")) {
            throw new IllegalArgumentException("--deleted must be middle or alternate (got " + deleted + ")");
        }
        Path dir = Files.createTempDirectory("annal-bench-scavenge-");
        EmbeddedStoreConfig config = EmbeddedStoreConfig.of(dir).withSegmentSize(segment);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config.withDurability(Durability.UNSAFE_NO_FSYNC))) {
            fill(store, events, streams, size);
        }
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config)) {
            for (int s = 0; s < streams; s++) {
                boolean dead = deleted.equals("middle") ? s >= streams / 4 && s < streams / 4 * 3 : s % 2 == 1;
                if (dead) {
                    store.delete(StreamName.of("scv-" + s), ExpectedVersion.any());
                }
            }
            long before = diskBytes(dir);
            long t0 = System.nanoTime();
            ScavengeResult result = store.scavenge();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long after = diskBytes(dir);
            System.out.printf(
                    "scavenge %d events, %d streams, half deleted (%s), segments of %d MiB: %.3f s, %d segments,"
                            + " %.1f MiB reclaimed of %.1f MiB (%.0f%%)%n",
                    events,
                    streams,
                    deleted,
                    segment >> 20,
                    seconds,
                    result.segments(),
                    result.bytes() / 1048576.0,
                    before / 1048576.0,
                    100.0 * (before - after) / before);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** Each stream in turn, whole, in batches of 1,000 events. */
    private static void fill(EmbeddedEventStore store, long events, int streams, int size) {
        byte[] payload = new byte[size];
        long perStream = events / streams;
        for (int s = 0; s < streams; s++) {
            StreamName name = StreamName.of("scv-" + s);
            for (long done = 0; done < perStream; done += 1000) {
                List<EventData> batch = new ArrayList<>();
                for (long i = done; i < Math.min(perStream, done + 1000); i++) {
                    batch.add(EventData.of(UUID.randomUUID(), "Filled", payload, new byte[0]));
                }
                store.append(name, ExpectedVersion.any(), batch);
            }
        }
    }

    private static long diskBytes(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
