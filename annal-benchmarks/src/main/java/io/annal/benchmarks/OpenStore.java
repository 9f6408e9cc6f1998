package io.annal.benchmarks;

import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * P10: opens an embedded store holding {@code --events} events (10M) and reports the time until it
 * is ready and the heap it holds (used heap after a full GC, minus the same before open). The store
 * is generated once in {@code --dir} and reused; run each measurement in a fresh JVM. With {@code
 * --checkpoint drop} the index checkpoint is deleted first, to time a rebuild from the whole log.
 *
 * <pre>
 * java -Xmx1g -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.OpenStore --dir /tmp/annal-open-10m --events 10000000
 * </pre>
 */
public final class OpenStore {

    private OpenStore() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        long events = Long.parseLong(options.getOrDefault("events", "10000000"));
        int streams = Integer.parseInt(options.getOrDefault("streams", "1000"));
        int size = Integer.parseInt(options.getOrDefault("size", "100"));
        boolean drop = "drop".equals(options.getOrDefault("checkpoint", "keep"));
        Path dir = Path.of(options.getOrDefault("dir", "/tmp/annal-bench-open-" + events));
        Files.createDirectories(dir);
        StoreFill.ensure(dir, events, streams, size);
        if (drop) {
            Files.deleteIfExists(dir.resolve("index.checkpoint"));
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed() - before;
        long head = store.headPosition().map(p -> p.value()).orElse(-1L);
        store.close();
        System.out.printf(
                "P10 open %d events in %d streams (checkpoint %s): ready in %.2f s, heap %.0f MiB (%.1f B/event),"
                        + " head %d%n",
                events, streams, drop ? "dropped" : "kept", seconds, heap / 1048576.0, (double) heap / events, head);
    }
}
