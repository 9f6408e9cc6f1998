package io.annal.store.embedded;

import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.FaultPoint;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process {@link CrashSafetyTest} kills: 64 writers append to their own streams (every eighth
 * one atomically to two streams) and print each acknowledged event as {@code A stream version id ;}.
 * Arguments: directory, seed, fault point (or NONE), how many times it is passed before the
 * process halts there, and SCAVENGE or PLAIN. With SCAVENGE every writer's stream keeps its last
 * {@link #MAX_COUNT} events, one event of stream {@code keeper} stays live in the first segment, and
 * a thread writes and tombstones large streams and scavenges while the writers append, so the dead
 * segments it reclaims leave gaps after a kept one.
 */
public final class CrashChild {

    static final int WRITERS = 64;
    static final long SEGMENT_SIZE = 128 << 10;
    static final long MAX_COUNT = 2;
    /** Printed after each scavenge that finished while the writers append. */
    static final String SCAVENGED = "SCAVENGED";

    static final StreamName KEEPER = StreamName.of("keeper");

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        // small checkpoint interval: kills also land while background checkpoints are written
        EmbeddedStoreConfig config =
                EmbeddedStoreConfig.of(directory).withSegmentSize(SEGMENT_SIZE).withCheckpointEvery(64 << 10);
        if (!args[2].equals("NONE")) {
            config = config.withFaultInjector(haltAt(FaultPoint.valueOf(args[2]), Integer.parseInt(args[3])));
        }
        EmbeddedEventStore store = EmbeddedEventStore.open(config);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        boolean scavenging = args[4].equals("SCAVENGE");
        if (scavenging && lastVersion(store, KEEPER) < 0) {
            List<EventData> keeper = events(apart(seed, 0), 1);
            store.append(KEEPER, ExpectedVersion.noStream(), keeper);
            print(out, KEEPER, 0, keeper);
        }
        // dead segments with no writer's event in them, for the scavenges while the writers append
        for (int round = 0; scavenging && round < 2; round++) {
            churn(store, StreamName.of("churn-" + seed + "-before-" + round), apart(seed, 2 + round));
        }
        out.println("READY");
        out.flush();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(
                    Thread.ofPlatform().start(() -> write(store, writer, new Random(seed + writer), out, scavenging)));
        }
        if (scavenging) {
            writers.add(Thread.ofPlatform().daemon().start(() -> scavenge(store, seed, out)));
        }
        for (Thread thread : writers) {
            thread.join();
        }
    }

    private static FaultInjector haltAt(FaultPoint point, int times) {
        AtomicInteger passed = new AtomicInteger();
        return new FaultInjector() {
            @Override
            public void reached(FaultPoint reached) {
                if (reached == point && passed.incrementAndGet() >= times) {
                    Runtime.getRuntime().halt(137);
                }
            }
        };
    }

    /** Writes whole segments of a stream and tombstones it, then scavenges, while the writers go on. */
    private static void scavenge(EmbeddedEventStore store, long seed, PrintStream out) {
        Random random = apart(seed, 1);
        for (int round = 0; ; round++) {
            store.scavenge();
            synchronized (out) {
                out.println(SCAVENGED);
                out.flush();
            }
            churn(store, StreamName.of("churn-" + seed + "-" + round), random);
        }
    }

    /** About 100 KiB of a stream that is then tombstoned: most of a segment, all dead. */
    private static void churn(EmbeddedEventStore store, StreamName stream, Random random) {
        store.append(stream, ExpectedVersion.noStream(), events(random, 80, 1000));
        store.tombstone(stream, ExpectedVersion.any());
    }

    private static void write(
            EmbeddedEventStore store, int writer, Random random, PrintStream out, boolean scavenging) {
        StreamName own = StreamName.of("writer-" + writer);
        StreamName pair = StreamName.of("pair-" + writer);
        long ownLast = lastVersion(store, own);
        long pairLast = lastVersion(store, pair);
        // set before the stream's first event, so every event of it is under the limit
        if (scavenging && ownLast < 0) {
            store.setMetadata(own, StreamMetadata.none().withMaxCount(MAX_COUNT));
        }
        if (scavenging && pairLast < 0 && writer % 8 == 0) {
            store.setMetadata(pair, StreamMetadata.none().withMaxCount(MAX_COUNT));
        }
        while (true) {
            List<EventData> events = events(random, 1 + random.nextInt(3));
            if (writer % 8 == 0) {
                List<EventData> more = events(random, 1);
                store.appendAtomically(List.of(
                        StreamAppend.of(own, expected(ownLast), events),
                        StreamAppend.of(pair, expected(pairLast), more)));
                print(out, own, ownLast + 1, events);
                print(out, pair, pairLast + 1, more);
                ownLast += events.size();
                pairLast += 1;
            } else {
                store.append(own, expected(ownLast), events);
                print(out, own, ownLast + 1, events);
                ownLast += events.size();
            }
        }
    }

    /**
     * A sequence of its own for the keeper, the scavenging thread and the churns before it. Writer
     * {@code w} draws from {@code Random(seed + w)}: another thread drawing from the same sequence
     * made the same event ids at times, legal in two streams but counted twice by the check.
     */
    private static Random apart(long seed, int use) {
        return new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L + use);
    }

    private static ExpectedVersion expected(long last) {
        return last < 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(last);
    }

    private static long lastVersion(EmbeddedEventStore store, StreamName stream) {
        try {
            return store.readStream(stream, Long.MAX_VALUE, Direction.BACKWARD, 1)
                    .lastVersion();
        } catch (StreamNotFoundException e) {
            return -1;
        }
    }

    private static List<EventData> events(Random random, int count) {
        return events(random, count, 16);
    }

    private static List<EventData> events(Random random, int count, int size) {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[size + random.nextInt(300)];
            random.nextBytes(data);
            events.add(EventData.of(new UUID(random.nextLong(), random.nextLong()), "Tick", data, new byte[0]));
        }
        return events;
    }

    private static void print(PrintStream out, StreamName stream, long firstVersion, List<EventData> events) {
        synchronized (out) {
            for (int i = 0; i < events.size(); i++) {
                out.println("A " + stream + " " + (firstVersion + i) + " "
                        + events.get(i).id() + " ;");
            }
            out.flush();
        }
    }
}
