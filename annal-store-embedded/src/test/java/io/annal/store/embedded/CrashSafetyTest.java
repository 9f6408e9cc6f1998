package io.annal.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamInfo;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.embedded.internal.log.FaultPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL, at random moments and at fixed points of the write path,
 * then reopens its store and checks that every acknowledged event is there, intact, once, at its
 * version, with versions contiguous. Every other directory's children also scavenge while they
 * write, with each writer's stream limited to its last {@link CrashChild#MAX_COUNT} events: there an
 * acknowledged event may be gone only if that many later ones of its stream are there. {@code
 * -Dannal.crash.cycles} sets the number of cycles (200 by default) and {@code -Dannal.crash.seed}
 * replays a run.
 */
class CrashSafetyTest {

    private static final int CYCLES_PER_DIRECTORY = 10;

    @TempDir
    Path root;

    record Acked(String stream, long version) {}

    @Test
    void every_acknowledged_event_survives_kill_minus_9() throws Exception {
        long seed = Long.getLong("annal.crash.seed", System.nanoTime());
        int cycles = Integer.getInteger("annal.crash.cycles", 200);
        System.out.println("CrashSafetyTest seed " + seed + ", " + cycles + " cycles");
        Random random = new Random(seed);
        Map<UUID, Acked> acked = new HashMap<>();
        Path directory = root;
        long totalAcked = 0;
        long reclaimed = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            boolean scavenging = cycle / CYCLES_PER_DIRECTORY % 2 == 1;
            if (cycle % CYCLES_PER_DIRECTORY == 0) {
                reclaimed += gaps(directory);
                directory = Files.createDirectory(root.resolve("store-" + cycle));
                acked.clear();
            }
            FaultPoint[] points = FaultPoint.values();
            String fault = cycle % 3 == 0 ? points[random.nextInt(points.length)].name() : "NONE";
            List<String> lines =
                    runAndKill(directory, random.nextLong(), fault, 1 + random.nextInt(40), random, scavenging);
            int before = acked.size();
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (parts.length == 5 && parts[0].equals("A") && parts[4].equals(";")) {
                    acked.put(UUID.fromString(parts[3]), new Acked(parts[1], Long.parseLong(parts[2])));
                }
            }
            totalAcked += acked.size() - before;
            verify(directory, acked, scavenging, "cycle " + cycle + " (fault " + fault + ", seed " + seed + ")");
        }
        reclaimed += gaps(directory);
        System.out.println("CrashSafetyTest checked " + totalAcked + " acknowledged events over " + cycles
                + " kills; scavenges reclaimed " + reclaimed + " segments after a kept one");
        assertThat(totalAcked).isPositive();
        if (cycles >= 4 * CYCLES_PER_DIRECTORY) {
            assertThat(reclaimed)
                    .as("scavenges while writing reclaimed segments")
                    .isPositive();
        }
    }

    /** Segments missing between the kept first one and the last: what scavenges reclaimed there. */
    private static long gaps(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Long> numbers = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".annal"))
                    .map(name -> Long.parseLong(name.substring(0, name.indexOf('.'))))
                    .sorted()
                    .toList();
            return numbers.isEmpty() || numbers.get(0) != 0 ? 0 : numbers.get(numbers.size() - 1) + 1 - numbers.size();
        }
    }

    private static List<String> runAndKill(
            Path directory, long childSeed, String fault, int times, Random random, boolean scavenging)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xshare:auto",
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashChild.class.getName(),
                        directory.toString(),
                        Long.toString(childSeed),
                        fault,
                        Integer.toString(times),
                        scavenging ? "SCAVENGE" : "PLAIN")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> lines = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch scavenged = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.equals(CrashChild.SCAVENGED)) {
                        scavenged.countDown();
                    } else {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the child is gone: what was read is what was acknowledged
            } finally {
                ready.countDown();
                scavenged.countDown();
            }
        });
        ready.await(30, TimeUnit.SECONDS);
        if (scavenging && fault.equals("NONE")) {
            // however slow the machine, these kills land only once a scavenge has run beside the writers
            scavenged.await(30, TimeUnit.SECONDS);
        }
        // let it write for a random while; returns early if a fault point halted it
        child.waitFor(10 + random.nextInt(200), TimeUnit.MILLISECONDS);
        child.destroyForcibly();
        child.waitFor();
        reader.join();
        return lines;
    }

    private static void verify(Path directory, Map<UUID, Acked> acked, boolean scavenging, String where) {
        EmbeddedStoreConfig config = EmbeddedStoreConfig.of(directory).withSegmentSize(CrashChild.SEGMENT_SIZE);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config)) {
            Map<UUID, Acked> found = new HashMap<>();
            Map<String, Long> last = new HashMap<>();
            for (StreamInfo info : store.listStreams("", Optional.empty(), 100_000)) {
                List<RecordedEvent> events = readStream(store, info);
                long expected = events.isEmpty() ? 0 : events.get(0).version();
                if (!scavenging || info.stream().equals(CrashChild.KEEPER)) {
                    assertThat(expected)
                            .as(where + ": " + info.stream() + " starts at 0")
                            .isZero();
                } else if (expected > 0) {
                    assertThat(events)
                            .as(where + ": " + info.stream() + " keeps exactly its last events")
                            .hasSize((int) CrashChild.MAX_COUNT);
                }
                for (RecordedEvent event : events) {
                    assertThat(event.version())
                            .as(where + ": contiguous versions")
                            .isEqualTo(expected++);
                    Acked previous =
                            found.put(event.id(), new Acked(info.stream().value(), event.version()));
                    assertThat(previous)
                            .as(where + ": event " + event.id() + " twice, again in " + info.stream() + " at "
                                    + event.version())
                            .isNull();
                }
                last.put(info.stream().value(), expected - 1);
            }
            acked.forEach((id, at) -> {
                // under the max count, an event may go once that many later ones are there
                boolean mayBeGone = scavenging
                        && !at.stream().equals(CrashChild.KEEPER.value())
                        && last.getOrDefault(at.stream(), -1L) - at.version() >= CrashChild.MAX_COUNT;
                if (!mayBeGone || found.containsKey(id)) {
                    assertThat(found.get(id))
                            .as(where + ": acknowledged event " + id)
                            .isEqualTo(at);
                }
            });
            Set<UUID> inAll = new HashSet<>();
            Position from = Position.START;
            while (true) {
                var page = store.readAll(from, Direction.FORWARD, 4096, EventFilter.all());
                page.events().forEach(e -> assertThat(inAll.add(e.id())).isTrue());
                if (page.next().isEmpty()) {
                    break;
                }
                from = page.next().get();
            }
            assertThat(inAll)
                    .as(where + ": read all sees every stream's events")
                    .hasSize(found.size());
        }
    }

    private static List<RecordedEvent> readStream(EmbeddedEventStore store, StreamInfo info) {
        List<RecordedEvent> events = new ArrayList<>();
        long from = 0;
        while (true) {
            StreamSlice slice;
            try {
                slice = store.readStream(info.stream(), from, Direction.FORWARD, 4096);
            } catch (StreamNotFoundException | StreamDeletedException e) {
                return events; // only its metadata was written, or it is a tombstoned churn stream
            }
            events.addAll(slice.events());
            if (slice.next().isEmpty()) {
                return events;
            }
            from = slice.next().getAsLong();
        }
    }
}
