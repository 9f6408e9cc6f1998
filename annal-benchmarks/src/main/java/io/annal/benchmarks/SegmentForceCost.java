package io.annal.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

/**
 * Whether zero-filling a segment ahead of need pays: fills a 64 MiB file with zeros (as the
 * embedded store's segment preparer does) or only sets its length (a sparse file), then writes
 * {@code --batch} bytes and forces, {@code --forces} times, as the appender does for each batch.
 * Prints the preparation's time and CPU, and the forces' median, p99 and total, for each kind,
 * alternately for {@code --rounds} rounds.
 *
 * <pre>
 * java -cp "$CP" io.annal.benchmarks.SegmentForceCost --dir /tmp/annal-force --batch 2621440 --forces 24
 * </pre>
 */
public final class SegmentForceCost {

    private static final long CAPACITY = 64L << 20;

    private SegmentForceCost() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        Path dir = Path.of(options.getOrDefault("dir", "/tmp/annal-force"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "2621440"));
        int forces = (int) Math.min(Integer.parseInt(options.getOrDefault("forces", "24")), CAPACITY / batch);
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        Files.createDirectories(dir);
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ByteBuffer data = ByteBuffer.allocateDirect(batch);
        new Random(1).ints(batch / 4).forEach(data::putInt);
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        for (int round = 0; round < rounds; round++) {
            for (boolean fill : new boolean[] {true, false}) {
                Path file = dir.resolve("segment-" + round + (fill ? "-zero" : "-sparse"));
                long start = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    if (fill) {
                        for (long at = 0; at < CAPACITY; ) {
                            at += channel.write(zeros.duplicate(), at);
                        }
                    } else {
                        channel.write(ByteBuffer.allocate(1), CAPACITY - 1);
                    }
                    channel.force(true);
                    long prepared = System.nanoTime();
                    long preparedCpu = os.getProcessCpuTime() - cpu;
                    long[] times = new long[forces];
                    for (int i = 0; i < forces; i++) {
                        channel.write(data.duplicate().clear(), (long) i * batch);
                        long before = System.nanoTime();
                        channel.force(false);
                        times[i] = System.nanoTime() - before;
                    }
                    long total = Arrays.stream(times).sum();
                    Arrays.sort(times);
                    System.out.printf(
                            "%s: prepare %.0f ms (CPU %.0f ms); %d forces of %d B: median %.2f ms, p99 %.2f ms,"
                                    + " total %.0f ms%n",
                            fill ? "zero-filled" : "sparse",
                            (prepared - start) / 1e6,
                            preparedCpu / 1e6,
                            forces,
                            batch,
                            times[forces / 2] / 1e6,
                            times[forces * 99 / 100] / 1e6,
                            total / 1e6);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
