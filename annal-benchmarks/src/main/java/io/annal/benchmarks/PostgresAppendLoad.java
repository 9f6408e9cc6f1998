package io.annal.benchmarks;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * P5: appends to PostgreSQL by Annal's store, by Axon 4's JDBC engine and by plain single-row
 * INSERTs, on one server in one run, so that the ratios are not skewed by a noisy machine. Each
 * scenario runs the three targets one after the other: 1 writer and 16 writers appending one event
 * per call, and 1 writer appending batches of 100.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.PostgresAppendLoad --seconds 10 [--url jdbc:postgresql://...] [--targets annal,axon,jdbc]
 *   [--scenario "16 writers"] [--profile true] [--committers N]
 * </pre>
 *
 * <p>{@code --scenario} runs only the scenarios whose name contains it; {@code --profile true}
 * (embedded server only) also prints the server time spent in Annal's schema functions per
 * commit, to tell the server's share of a group-commit cycle from the round trip and the flush, and
 * the server time, WAL and buffers per event of the top statements (pg_stat_statements).
 * {@code --committers} sets Annal's append transactions in flight (the store's default otherwise).
 * Every run also prints the CPU per event of this JVM and of the (local) server.
 */
public final class PostgresAppendLoad {

    private record Scenario(String name, int writers, int batch) {}

    private record Result(double appendsPerSecond, LatencyRecorder.Percentiles latency) {}

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("1 writer, 1 event", 1, 1),
            new Scenario("16 writers, 1 event", 16, 1),
            new Scenario("64 writers, 1 event", 64, 1),
            new Scenario("1 writer, 100 events", 1, 100));

    private PostgresAppendLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        int size = Integer.parseInt(options.getOrDefault("size", "256"));
        List<String> names =
                List.of(options.getOrDefault("targets", "annal,axon,jdbc").split(","));
        String only = options.getOrDefault("scenario", "");
        boolean profile = Boolean.parseBoolean(options.getOrDefault("profile", "false"));
        int committers = Integer.parseInt(options.getOrDefault("committers", "0"));
        try (PgServer server = PgServer.start(options.get("url"), profile)) {
            System.out.println("server: " + server.describe());
            ProcessCpu cpu = ProcessCpu.of(server);
            List<PgTarget> targets = new ArrayList<>();
            for (String name : names) {
                targets.add(open(server, name, committers));
            }
            try {
                byte[] payload = new byte[size];
                for (Scenario scenario : SCENARIOS) {
                    if (!scenario.name.contains(only)) {
                        continue;
                    }
                    Map<String, Double> rates = new LinkedHashMap<>();
                    for (PgTarget target : targets) {
                        server.settle();
                        run(target, scenario, payload, warmup);
                        long[] before = target instanceof AnnalPgTarget a ? a.eventsAndCommits() : null;
                        FunctionTimes times =
                                profile && target instanceof AnnalPgTarget ? FunctionTimes.take(server) : null;
                        if (profile) {
                            StatementTimes.reset(server);
                        }
                        Map<String, Long> kinds0 = cpu.serverNanosByKind();
                        Map<String, Long> threads0 = ProcessCpu.clientNanosByThread();
                        long client0 = cpu.clientNanos();
                        long server0 = cpu.serverNanos();
                        Result r = run(target, scenario, payload, seconds);
                        long clientCpu = cpu.clientNanos() - client0;
                        long serverCpu = cpu.serverNanos() - server0;
                        double events = r.appendsPerSecond * scenario.batch * seconds;
                        Map<String, Long> kinds = cpu.serverNanosByKind();
                        Map<String, Long> threads = ProcessCpu.clientNanosByThread();
                        if (profile) {
                            StatementTimes.print(server, scenario.name, target.name(), events);
                        }
                        if (target instanceof AnnalPgTarget a) {
                            long[] after = a.eventsAndCommits();
                            if (times != null) {
                                times.printSince(server, scenario.name, after[1] - before[1]);
                            }
                            System.out.printf(
                                    "%-22s annal  %.1f events per commit%n",
                                    scenario.name, (after[0] - before[0]) / (double) Math.max(1, after[1] - before[1]));
                        }
                        rates.put(target.name(), r.appendsPerSecond);
                        System.out.printf(
                                "%-22s %-6s %9.0f appends/s %10.0f events/s  p50=%.2f ms p99=%.2f ms%n",
                                scenario.name,
                                target.name(),
                                r.appendsPerSecond,
                                r.appendsPerSecond * scenario.batch,
                                r.latency.millis(50),
                                r.latency.millis(99));
                        System.out.printf(
                                "%-22s %-6s cpu per event: client %.1f us, server %.1f us%n",
                                scenario.name,
                                target.name(),
                                clientCpu / 1e3 / events,
                                server0 < 0 ? Double.NaN : serverCpu / 1e3 / events);
                        String split = perEvent(kinds0, kinds, events);
                        System.out.printf(
                                "%-22s %-6s server cpu per event by process:%s%n", scenario.name, target.name(), split);
                        System.out.printf(
                                "%-22s %-6s client cpu per event by thread:%s%n",
                                scenario.name, target.name(), perEvent(threads0, threads, events));
                    }
                    printRatios(scenario, rates);
                }
            } finally {
                for (PgTarget target : targets) {
                    target.close();
                }
            }
        }
    }

    private static PgTarget open(PgServer server, String name, int committers) throws Exception {
        String schema = "bench_" + name;
        return switch (name) {
            case "annal" -> {
                try (Connection c = server.connect();
                        Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
                yield new AnnalPgTarget(server.url(), schema, committers);
            }
            case "axon" -> new AxonPgTarget(server.url(), schema, 16);
            case "jdbc" -> new PlainJdbcTarget(server.url(), schema, 16);
            default -> throw new IllegalArgumentException("--targets are annal, axon, jdbc (got " + name + ")");
        };
    }

    /** The CPU per event of each part that used at least 1 us per event, largest first. */
    private static String perEvent(Map<String, Long> before, Map<String, Long> after, double events) {
        StringBuilder line = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e3 / events))
                .filter(e -> e.getValue() >= 1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.1f us,", e.getKey(), e.getValue())));
        return line.toString();
    }

    private static void printRatios(Scenario scenario, Map<String, Double> rates) {
        Double annal = rates.get("annal");
        if (annal == null) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format("%-22s ratios:", scenario.name));
        rates.forEach((name, rate) -> {
            if (!name.equals("annal")) {
                line.append(String.format(" annal/%s=%.2f", name, annal / rate));
            }
        });
        System.out.println(line);
    }

    private static Result run(PgTarget target, Scenario scenario, byte[] payload, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        LongAdder appends = new LongAdder();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(scenario.writers);
        for (int w = 0; w < scenario.writers; w++) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorders.add(recorder);
            PgTarget.Writer writer = target.writer();
            threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> {
                started.countDown();
                try {
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        writer.append(scenario.batch, payload);
                        recorder.record(System.nanoTime() - t0);
                        appends.increment();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        started.await();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L); // the measurement window itself
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException(target.name() + " failed during " + scenario.name, failure.get());
        }
        return new Result(appends.sum() / elapsed, LatencyRecorder.merge(recorders));
    }
}
