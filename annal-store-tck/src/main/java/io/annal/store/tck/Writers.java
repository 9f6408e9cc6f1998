package io.annal.store.tck;

import io.annal.store.EventData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs writers on their own threads, all released at once, and waits for them to finish. */
final class Writers implements AutoCloseable {

    /** One writer's work; {@code random} is seeded from the test's seed and the writer's number. */
    @FunctionalInterface
    interface Writer {
        void write(int writer, Random random) throws Exception;
    }

    private static final Duration BOUND = Duration.ofSeconds(60);

    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();

    private Writers(int count) {
        this.threads = Executors.newFixedThreadPool(count);
    }

    static Writers start(int count, long seed, Writer writer) {
        Writers writers = new Writers(count);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < count; i++) {
            int number = i;
            writers.running.add(writers.threads.submit(() -> {
                go.await();
                writer.write(number, new Random(seed * 31 + number));
                return null;
            }));
        }
        go.countDown();
        return writers;
    }

    /** Waits for every writer and rethrows the first failure. */
    void awaitAll() throws Exception {
        for (Future<?> writer : running) {
            writer.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** One to {@code max} events for one append. */
    static List<EventData> batch(Random random, int max) {
        return Events.events(1 + random.nextInt(max));
    }
}
