package io.annal.benchmarks;

import io.annal.command.CommandHandler;
import io.annal.command.CommandResult;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountState;
import io.annal.store.EventStore;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import io.annal.store.postgres.PostgresEventStore;
import io.annal.store.postgres.PostgresStoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-process command throughput (issue 5): {@code --callers} threads (64) send deposits to
 * {@code --accounts} bank accounts (10,000, opened first), each picking an account at random, through
 * one {@link CommandHandler} with its default settings (hot cache on, no command ids). {@code --store
 * embedded} (fsync before every acknowledgement) or {@code --store postgres}: an embedded PostgreSQL
 * server with fsync and synchronous commit on (or {@code --url}), where the same callers then also
 * run plain single-row auto-commit INSERTs through a Hikari pool of {@code --jdbc-pool} (16)
 * connections, as the floor to compare with. Reports commands per second and p50/p99 latency.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.CommandLoad --store embedded --seconds 20
 * java -cp ... io.annal.benchmarks.CommandLoad --store postgres --seconds 20
 * </pre>
 */
public final class CommandLoad {

    private record Result(
            double perSecond,
            long done,
            double cpuSeconds,
            LatencyRecorder.Percentiles latency,
            Map<String, Long> outcomes) {}

    private interface Call {
        /** Does one unit of work; returns its outcome's name. */
        String run(ThreadLocalRandom random) throws Exception;
    }

    private static final com.sun.management.OperatingSystemMXBean CPU = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private CommandLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        String kind = options.getOrDefault("store", "embedded");
        int callers = Integer.parseInt(options.getOrDefault("callers", "64"));
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "10000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        switch (kind) {
            case "embedded" -> {
                Path dir =
                        Files.createTempDirectory(Path.of(options.getOrDefault("dir", "/tmp")), "annal-command-load");
                try (EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir))) {
                    System.out.println("store: embedded, durability "
                            + EmbeddedStoreConfig.of(dir).durability());
                    commands(store, "embedded", callers, accounts, seconds, warmup);
                } finally {
                    Options.deleteRecursively(dir);
                }
            }
            case "postgres" -> {
                int jdbcPool = Integer.parseInt(options.getOrDefault("jdbc-pool", "16"));
                try (PgServer server = PgServer.start(options.get("url"))) {
                    System.out.println("server: " + server.describe());
                    try (Connection c = server.connect();
                            Statement s = c.createStatement()) {
                        s.execute("DROP SCHEMA IF EXISTS bench_command CASCADE");
                    }
                    double annal;
                    try (PostgresEventStore store = PostgresEventStore.open(
                            PostgresStoreConfig.forUrl(server.url(), null, null).withSchema("bench_command"))) {
                        annal = commands(store, "postgres", callers, accounts, seconds, warmup);
                    }
                    try (PlainJdbcTarget jdbc = new PlainJdbcTarget(server.url(), "bench_command_jdbc", jdbcPool)) {
                        byte[] payload = new byte[100];
                        // One stream per calling thread, as each caller writes its own rows.
                        ThreadLocal<PgTarget.Writer> mine = ThreadLocal.withInitial(jdbc::writer);
                        Call insert = random -> {
                            mine.get().append(1, payload);
                            return "inserted";
                        };
                        run(insert, callers, warmup);
                        Result r = run(insert, callers, seconds);
                        print("postgres plain JDBC insert (pool " + jdbcPool + ")", callers, r);
                        System.out.printf("ratio commands/plain-insert = %.2f%n", annal / r.perSecond);
                    }
                }
            }
            default -> throw new IllegalArgumentException("--store is embedded or postgres (got " + kind + ")");
        }
    }

    /** Opens the accounts, then runs deposits; returns the commands per second. */
    private static double commands(EventStore store, String name, int callers, int accounts, int seconds, int warmup)
            throws Exception {
        CommandHandler<AccountCommand, AccountEvent, AccountState> handler =
                BankAccounts.handler(store).build();
        AtomicInteger toOpen = new AtomicInteger();
        long t0 = System.nanoTime();
        Result opened = run(
                random -> {
                    int i = toOpen.getAndIncrement();
                    if (i >= accounts) {
                        return null;
                    }
                    return outcome(handler.handle(new AccountCommand.OpenAccount("a" + i, "owner " + i)));
                },
                callers,
                Integer.MAX_VALUE);
        System.out.printf(
                "opened %d accounts in %.1f s %s%n", opened.done, (System.nanoTime() - t0) / 1e9, opened.outcomes);
        Call deposit = random -> outcome(
                handler.handle(new AccountCommand.Deposit("a" + random.nextInt(accounts), 1 + random.nextInt(100))));
        run(deposit, callers, warmup);
        Result r = run(deposit, callers, seconds);
        print(name + " deposit commands", callers, r);
        return r.perSecond;
    }

    private static String outcome(CommandResult result) {
        return switch (result) {
            case CommandResult.Accepted a -> "accepted";
            case CommandResult.Rejected r -> "rejected " + r.rejection().code();
            case CommandResult.Conflict c -> "conflict";
        };
    }

    private static void print(String what, int callers, Result r) {
        System.out.printf(
                "%-40s %d callers: %9.0f /s  p50=%.3f ms  p99=%.3f ms  (%d in window, %.0f per CPU-second of this"
                        + " process) %s%n",
                what,
                callers,
                r.perSecond,
                r.latency.millis(50),
                r.latency.millis(99),
                r.done,
                r.done / r.cpuSeconds,
                r.outcomes);
    }

    /**
     * Runs {@code call} on {@code callers} platform threads for {@code seconds}, or until a call
     * returns null; counts only the calls that end inside the window.
     */
    private static Result run(Call call, int callers, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        LongAdder done = new LongAdder();
        Map<String, LongAdder> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        for (int w = 0; w < callers; w++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            threads.add(Thread.ofPlatform().name("caller-" + w).start(() -> {
                ready.countDown();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    go.await();
                    while (!stop.get()) {
                        long s = System.nanoTime();
                        String outcome = call.run(random);
                        if (outcome == null) {
                            return;
                        }
                        long e = System.nanoTime();
                        if (e <= window[1]) {
                            recorder.record(e - s);
                            done.increment();
                            outcomes.computeIfAbsent(outcome, k -> new LongAdder())
                                    .increment();
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        ready.await();
        long cpu0 = CPU.getProcessCpuTime();
        window[0] = System.nanoTime();
        window[1] = seconds == Integer.MAX_VALUE ? Long.MAX_VALUE : window[0] + seconds * 1_000_000_000L;
        go.countDown();
        if (seconds != Integer.MAX_VALUE) {
            Thread.sleep(seconds * 1000L);
        }
        long end = seconds == Integer.MAX_VALUE ? 0 : window[1];
        if (seconds != Integer.MAX_VALUE) {
            stop.set(true);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (end == 0) {
            end = System.nanoTime();
        }
        double cpuSeconds = (CPU.getProcessCpuTime() - cpu0) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a caller failed", failure.get());
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        double elapsed = (end - window[0]) / 1e9;
        return new Result(done.sum() / elapsed, done.sum(), cpuSeconds, LatencyRecorder.merge(recorders), counts);
    }
}
