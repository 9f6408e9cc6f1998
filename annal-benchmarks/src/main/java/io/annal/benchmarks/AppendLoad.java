package io.annal.benchmarks;

import io.annal.store.EventData;
import io.annal.store.StreamName;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Append load driver for P1 and P2: N writer threads append for a fixed time, each to its own
 * streams, and the driver reports appends/s, events/s, latency percentiles and the process's CPU
 * time per append (the writers' own work included), which a loaded machine disturbs less. Run with {@code
 * --target baseline} in the same session to get the plain FileChannel group-commit figure.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.AppendLoad --target embedded --writers 64 --batch 1 --seconds 10
 * </pre>
 */
public final class AppendLoad {

    private AppendLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String target = options.getOrDefault("target", "embedded");
        int writers = Integer.parseInt(options.getOrDefault("writers", "64"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1"));
        int size = Integer.parseInt(options.getOrDefault("size", "256"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        boolean fsync = !"unsafe".equals(options.getOrDefault("durability", "fsync"));
        // the embedded store's index checkpoint interval in MiB of log (its default when absent)
        long checkpointMib = Long.parseLong(options.getOrDefault("checkpoint-mib", "0"));
        Path dir = Files.createTempDirectory(Path.of(options.getOrDefault("dir", "/tmp")), "annal-bench-");

        try (Target t = Targets.open(target, dir, fsync, checkpointMib << 20)) {
            run(t, writers, batch, size, warmup, false);
            Result r = run(t, writers, batch, size, seconds, true);
            System.out.printf(
                    "target=%s writers=%d batch=%d size=%d fsync=%s seconds=%d: %.0f appends/s, %.0f events/s,"
                            + " latency ms p50=%.2f p99=%.2f p99.9=%.2f, process CPU %.1f us/append,"
                            + " appender thread CPU %.3f us/event%n",
                    target,
                    writers,
                    batch,
                    size,
                    fsync,
                    seconds,
                    r.appendsPerSecond,
                    r.appendsPerSecond * batch,
                    r.latency.millis(50),
                    r.latency.millis(99),
                    r.latency.millis(99.9),
                    r.cpuMicrosPerAppend,
                    r.appenderMicrosPerAppend / batch);
        } finally {
            Options.deleteRecursively(dir);
        }
    }

    private record Result(
            double appendsPerSecond,
            double cpuMicrosPerAppend,
            double appenderMicrosPerAppend,
            LatencyRecorder.Percentiles latency) {}

    /**
     * CPU time of the embedded store's thread named {@code name} (0 for other targets): the
     * appender's serial work (write, force, publish, answers), which the writers' UUIDs, the JIT
     * and other processes do not blur.
     */
    private static long threadCpuNanos(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.threadId()));
            }
        }
        return total;
    }

    private static Result run(Target target, int writers, int batch, int size, int seconds, boolean measured)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder appends = new LongAdder();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(writers);
        byte[] payload = new byte[size];
        for (int w = 0; w < writers; w++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            StreamName stream = StreamName.of("bench-" + UUID.randomUUID());
            threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                started.countDown();
                try {
                    while (!stop.get()) {
                        List<EventData> events = new ArrayList<>(batch);
                        for (int i = 0; i < batch; i++) {
                            events.add(EventData.of(UUID.randomUUID(), "BenchmarkEvent", payload, null));
                        }
                        long t0 = System.nanoTime();
                        target.append(stream, events);
                        recorder.record(System.nanoTime() - t0);
                        appends.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("append failed", e);
                }
            }));
        }
        started.await();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long appender0 = threadCpuNanos("annal-appender");
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement window itself
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cpuMicros = (os.getProcessCpuTime() - cpu0) / 1e3 / appends.sum();
        double appenderMicros = (threadCpuNanos("annal-appender") - appender0) / 1e3 / appends.sum();
        return new Result(
                appends.sum() / elapsed, cpuMicros, appenderMicros, measured ? LatencyRecorder.merge(recorders) : null);
    }

    /** What the driver appends to. */
    interface Target extends AutoCloseable {
        void append(StreamName stream, List<EventData> events) throws Exception;
    }
}
