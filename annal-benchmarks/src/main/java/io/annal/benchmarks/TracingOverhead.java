package io.annal.benchmarks;

import io.annal.command.CommandHandler;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountState;
import io.annal.store.memory.InMemoryEventStore;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * What tracing costs a command (issue 8): deposits on the in-memory store, so that the store's
 * fsync does not hide it, by {@code --callers} threads (2), in {@code --rounds} (3) interleaved
 * pairs of windows of {@code --seconds} (10): tracing off (the no-op default), then on with the
 * SDK and a batch processor whose exporter drops the spans (the server's setup minus the network).
 * Reports throughput and the process's CPU time per deposit, which a shared machine disturbs less.
 *
 * <pre>
 * java -cp "annal-benchmarks/target/classes:$(cat annal-benchmarks/target/classpath.txt)" \
 *   io.annal.benchmarks.TracingOverhead --seconds 10
 * </pre>
 */
public final class TracingOverhead {

    private TracingOverhead() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        int callers = Integer.parseInt(options.getOrDefault("callers", "2"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        LongAdder exported = new LongAdder();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(
                                BatchSpanProcessor.builder(dropping(exported)).build())
                        .build())
                .build()) {
            deposits(OpenTelemetry.noop(), callers, seconds); // warm-up
            deposits(sdk, callers, seconds);
            for (int round = 1; round <= rounds; round++) {
                Window off = deposits(OpenTelemetry.noop(), callers, seconds);
                Window on = deposits(sdk, callers, seconds);
                System.out.printf(
                        "round %d: off %.0f /s %.2f us CPU each; on %.0f /s %.2f us CPU each; CPU on/off %.2f"
                                + " (%d spans exported so far)%n",
                        round,
                        off.perSecond(),
                        off.cpuMicros(),
                        on.perSecond(),
                        on.cpuMicros(),
                        on.cpuMicros() / off.cpuMicros(),
                        exported.sum());
            }
        }
    }

    /** Deposits per second, and CPU time of this process per deposit, over one window. */
    private record Window(double perSecond, double cpuMicros) {}

    private static final com.sun.management.OperatingSystemMXBean CPU = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** One window on a fresh store with 1,000 open accounts. */
    private static Window deposits(OpenTelemetry otel, int callers, int seconds) throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            CommandHandler<AccountCommand, AccountEvent, AccountState> handler =
                    BankAccounts.handler(store).openTelemetry(otel).build();
            int accounts = 1000;
            for (int i = 0; i < accounts; i++) {
                handler.handle(new AccountCommand.OpenAccount("a" + i, "owner " + i));
            }
            LongAdder done = new LongAdder();
            long cpu0 = CPU.getProcessCpuTime();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            Thread[] threads = new Thread[callers];
            for (int t = 0; t < callers; t++) {
                threads[t] = Thread.ofPlatform().start(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        handler.handle(new AccountCommand.Deposit("a" + random.nextInt(accounts), 1));
                        done.increment();
                    }
                });
            }
            for (Thread thread : threads) {
                thread.join();
            }
            double cpuMicros = (CPU.getProcessCpuTime() - cpu0) / 1000.0 / done.sum();
            return new Window(done.sum() / (double) seconds, cpuMicros);
        }
    }

    private static SpanExporter dropping(LongAdder exported) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.add(spans.size());
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
