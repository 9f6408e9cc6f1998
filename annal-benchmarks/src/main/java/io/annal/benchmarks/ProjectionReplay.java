package io.annal.benchmarks;

import io.annal.projection.Projection;
import io.annal.projection.ProjectionManager;
import io.annal.projection.RunnerOptions;
import io.annal.store.EventFilter;
import io.annal.store.Position;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;

/**
 * P4 through the projection runner: a no-op projection catches up from position 0 over the whole
 * embedded store ({@link StoreFill}, reused across runs), in batches of {@code --batch}; each round
 * is a new projection. Prints the median and best rounds in events/s.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.ProjectionReplay --dir /tmp/annal-replay-1m --events 1000000
 * </pre>
 */
public final class ProjectionReplay {

    private ProjectionReplay() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1024"));
        Path dir = Path.of(options.getOrDefault("dir", "/tmp/annal-bench-replay-" + events));
        Files.createDirectories(dir);
        StoreFill.ensure(dir, events, 1000, 100);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir))) {
            Position head = store.headPosition().orElseThrow();
            double[] rates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                NoopReadModels models = new NoopReadModels();
                long[] seen = {0};
                Projection<Void> noop = Projection.of("noop" + r, 1, EventFilter.all(), (c, e) -> seen[0]++);
                long t0 = System.nanoTime();
                try (ProjectionManager manager = ProjectionManager.create(
                        store, store, RunnerOptions.defaults().withBatchSize(batch), InstantSource.system())) {
                    manager.start(noop, models);
                    if (!manager.awaitPosition(noop.name(), head, Duration.ofMinutes(5))) {
                        throw new IllegalStateException(
                                "the projection did not catch up: " + manager.info(noop.name()));
                    }
                    rates[r] = models.applied.get() / ((System.nanoTime() - t0) / 1e9);
                }
                if (models.applied.get() != events) {
                    throw new IllegalStateException("applied " + models.applied.get() + " events, expected " + events);
                }
            }
            Arrays.sort(rates);
            System.out.printf(
                    "P4 replay of %d events through the projection runner into a no-op projection (batches of %d):"
                            + " median %.2fM events/s, best %.2fM (%d rounds)%n",
                    events, batch, rates[rounds / 2] / 1e6, rates[rounds - 1] / 1e6, rounds);
        }
    }
}
