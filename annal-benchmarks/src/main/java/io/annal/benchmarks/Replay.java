package io.annal.benchmarks;

import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * P4: replays {@code $all} from the start into a no-op subscriber through {@code subscribeToAll},
 * until it is caught up, and reports events/s. The store is filled once in {@code --dir} (reused
 * across runs) and each run opens it and replays {@code --rounds} times; the best and median
 * rounds are reported (the first rounds warm the JIT and the page cache), and events per CPU-second
 * of the process, which a shared, loaded machine disturbs less than wall-clock time.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.Replay --dir /tmp/annal-replay-1m --events 1000000
 * </pre>
 */
public final class Replay {

    private Replay() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int streams = Integer.parseInt(options.getOrDefault("streams", "1000"));
        int size = Integer.parseInt(options.getOrDefault("size", "100"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        Path dir = Path.of(options.getOrDefault("dir", "/tmp/annal-bench-replay-" + events));
        Files.createDirectories(dir);
        StoreFill.ensure(dir, events, streams, size);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir))) {
            double[] rates = new double[rounds];
            double[] cpuRates = new double[rounds];
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < rounds; r++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                long seen = replay(store);
                double seconds = (System.nanoTime() - t0) / 1e9;
                cpuRates[r] = seen / ((os.getProcessCpuTime() - cpu0) / 1e9);
                if (seen != events) {
                    throw new IllegalStateException("replayed " + seen + " events, expected " + events);
                }
                rates[r] = seen / seconds;
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            Arrays.sort(cpuRates);
            System.out.printf(
                    "P4 replay $all of %d events (%d B) into a no-op subscriber: median %.2fM events/s, best %.2fM;"
                            + " median %.2fM events per CPU-second of the process (%d rounds)%n",
                    events,
                    size,
                    sorted[rounds / 2] / 1e6,
                    sorted[rounds - 1] / 1e6,
                    cpuRates[rounds / 2] / 1e6,
                    rounds);
        }
    }

    private static long replay(EmbeddedEventStore store) throws InterruptedException {
        CountDownLatch caughtUp = new CountDownLatch(1);
        long[] count = {0};
        SubscriptionListener listener = new SubscriptionListener() {
            @Override
            public void onEvent(RecordedEvent event) {
                count[0]++;
            }

            @Override
            public void onCaughtUp() {
                caughtUp.countDown();
            }
        };
        try (Subscription subscription =
                store.subscribeToAll(SubscriptionStart.fromStart(), EventFilter.all(), listener)) {
            caughtUp.await();
        }
        return count[0];
    }
}
