package io.annal.benchmarks;

import io.annal.command.CommandHandler;
import io.annal.command.LoadedState;
import io.annal.command.SnapshotPolicy;
import io.annal.command.SnapshotStore;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountState;
import io.annal.examples.process.CodecMapper;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * P3 (command side): loads one bank account of {@code --events} events (10,000: an opening and
 * deposits) on the embedded store through {@link CommandHandler#load} with the hot cache off, so
 * every load reads the store: from a snapshot taken {@code --tail} events (100) before the end plus
 * those events, from a snapshot at the last event, and from the events alone. Reports the median and
 * p99 time of one load after a warm-up.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.SnapshotLoad --events 10000 --tail 100 --seconds 10
 * </pre>
 */
public final class SnapshotLoad {

    private SnapshotLoad() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        int events = Integer.parseInt(options.getOrDefault("events", "10000"));
        int tail = Integer.parseInt(options.getOrDefault("tail", "100"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "10"));
        Path dir = Files.createTempDirectory(Path.of(options.getOrDefault("dir", "/tmp")), "annal-snapshot-load");
        try (EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir))) {
            StreamName withTail = BankAccounts.stream("tail");
            StreamName atEnd = BankAccounts.stream("end");
            SnapshotStore snapshots = SnapshotStore.inEventStore(store);
            BankAccounts.Serializer serializer = new BankAccounts.Serializer();
            CommandHandler<AccountCommand, AccountEvent, AccountState> snapshotting = BankAccounts.handler(store)
                    .snapshots(serializer, 1)
                    .snapshotStore(snapshots)
                    .snapshotPolicy(SnapshotPolicy.everyEvents(events + 1))
                    .cacheSize(0)
                    .build();
            // The snapshot is written by a handler that takes one on every load that finds a gap.
            CommandHandler<AccountCommand, AccountEvent, AccountState> snapshotNow = BankAccounts.handler(store)
                    .snapshots(serializer, 1)
                    .snapshotStore(snapshots)
                    .snapshotPolicy(SnapshotPolicy.everyEvents(1))
                    .cacheSize(0)
                    .build();
            CommandHandler<AccountCommand, AccountEvent, AccountState> replaying =
                    BankAccounts.handler(store).cacheSize(0).build();

            fill(store, withTail, "tail", 0, events - tail);
            snapshotNow.load(withTail);
            fill(store, withTail, "tail", events - tail, events);
            fill(store, atEnd, "end", 0, events);
            snapshotNow.load(atEnd);

            LoadedState<AccountState> loaded = snapshotting.load(withTail);
            LoadedState<AccountState> replayed = replaying.load(withTail);
            if (!loaded.equals(replayed) || loaded.version().getAsLong() != events - 1) {
                throw new IllegalStateException("snapshot load " + loaded + " differs from replay " + replayed);
            }
            System.out.printf("P3 load one %d-event account (embedded store, hot cache off)%n", events);
            report("snapshot + " + tail + " events", time(() -> snapshotting.load(withTail), seconds));
            report("snapshot at the last event", time(() -> snapshotting.load(atEnd), seconds));
            report("no snapshot, " + events + " events", time(() -> replaying.load(withTail), seconds));
        } finally {
            Options.deleteRecursively(dir);
        }
    }

    /** Appends the events at versions {@code from} (the opening at 0) to {@code to} (exclusive). */
    private static void fill(EmbeddedEventStore store, StreamName stream, String id, int from, int to) {
        CodecMapper<AccountEvent> mapper = BankAccounts.mapper();
        int at = from;
        while (at < to) {
            List<EventData> batch = new ArrayList<>();
            int start = at;
            for (; at < to && batch.size() < 1000; at++) {
                AccountEvent event =
                        at == 0 ? new AccountEvent.AccountOpened(id, "owner " + id) : new AccountEvent.Deposited(1);
                batch.add(mapper.encode(event, UUID.randomUUID(), Map.of()));
            }
            store.append(stream, start == 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(start - 1), batch);
        }
    }

    /** Warms up for a third of {@code seconds}, then times single loads for the rest. */
    private static long[] time(Runnable load, double seconds) {
        long warmUpEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            load.run();
        }
        long[] samples = new long[1 << 20];
        int n = 0;
        long end = System.nanoTime() + (long) (seconds * 2 / 3 * 1e9);
        while (n < samples.length) {
            long t0 = System.nanoTime();
            load.run();
            long t1 = System.nanoTime();
            samples[n++] = t1 - t0;
            if (t1 > end) {
                break;
            }
        }
        long[] taken = Arrays.copyOf(samples, n);
        Arrays.sort(taken);
        return taken;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(
                "  %-32s median %.4f ms  p99 %.4f ms  (%d loads)%n",
                what,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted.length);
    }
}
