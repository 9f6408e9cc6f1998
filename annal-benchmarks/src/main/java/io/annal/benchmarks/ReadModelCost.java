package io.annal.benchmarks;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.BankCodecs;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionManager;
import io.annal.projection.RunnerOptions;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.readmodels.BalanceReadModel;
import io.annal.readmodels.OrderReadModel;
import io.annal.readmodels.StatementReadModel;
import io.annal.readmodels.StockReadModel;
import io.annal.readmodels.TransferReadModel;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the server's five reference read models cost per deposit: opens {@code --accounts}
 * accounts and makes {@code --events} deposits in an in-memory store, then projects them through
 * Balance, Statement, Transfer, Order and Stock into one SQLite file, in batches of up to {@code
 * --batch} events ({@code 1} is the server's one deposit at a time), and prints the process's CPU
 * per event (all threads, SQLite included) and the rate. Each round a fresh file.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.ReadModelCost --events 20000 --batch 1 --rounds 3
 * </pre>
 */
public final class ReadModelCost {

    private static final EventCodec<AccountEvent> CODEC = BankCodecs.accounts();

    private ReadModelCost() {}

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        int events = Integer.parseInt(options.getOrDefault("events", "20000"));
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "1000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "1024"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] micros = new double[rounds];
        double[] rates = new double[rounds];
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            for (int a = 0; a < accounts; a++) {
                append(store, a, new AccountOpened("a" + a, "owner " + a));
            }
            for (int i = 0; i < events; i++) {
                append(store, i % accounts, new Deposited(1 + i % 7));
            }
            Position head = store.headPosition().orElseThrow();
            long total = (long) accounts + events;
            for (int r = 0; r < rounds; r++) {
                Path dir = Files.createTempDirectory("annal-readmodel-cost-");
                try (ProjectionManager manager = ProjectionManager.create(
                        store, store, RunnerOptions.defaults().withBatchSize(batch), InstantSource.system())) {
                    JdbcReadModels models = JdbcReadModels.sqlite(dir.resolve("read-models.db"));
                    List<Projection<JdbcContext>> all = List.of(
                            BalanceReadModel.projection(),
                            StatementReadModel.projection(),
                            TransferReadModel.projection(),
                            OrderReadModel.projection(),
                            StockReadModel.projection());
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    for (Projection<JdbcContext> p : all) {
                        manager.start(p, models);
                    }
                    for (Projection<JdbcContext> p : all) {
                        if (!manager.awaitPosition(p.name(), head, Duration.ofMinutes(10))) {
                            throw new IllegalStateException(p.name() + " did not catch up: " + manager.info(p.name()));
                        }
                    }
                    micros[r] = (os.getProcessCpuTime() - cpu0) / 1e3 / total;
                    rates[r] = total / ((System.nanoTime() - t0) / 1e9);
                    long balance =
                            BalanceReadModel.find(models, "a0").orElseThrow().balance();
                    System.out.printf(
                            "round %d: %.1f us CPU per event, %.1fK events/s (account a0 balance %d)%n",
                            r, micros[r], rates[r] / 1e3, balance);
                } finally {
                    Options.deleteRecursively(dir);
                }
            }
        }
        double[] sortedMicros = micros.clone();
        Arrays.sort(sortedMicros);
        Arrays.sort(rates);
        System.out.printf(
                "reference read models, %d opens + %d deposits into SQLite, batches of %d: median %.1f us CPU per event"
                        + " (runs %s), median %.1fK events/s%n",
                accounts,
                events,
                batch,
                sortedMicros[rounds / 2],
                Arrays.toString(Arrays.stream(micros)
                        .mapToObj(m -> String.format("%.1f", m))
                        .toArray()),
                rates[rounds / 2] / 1e3);
    }

    private static void append(InMemoryEventStore store, int account, AccountEvent event) {
        EventData data = CODEC.encode(event, UUID.randomUUID());
        store.append(StreamName.of("account-a" + account), ExpectedVersion.any(), List.of(data));
    }
}
