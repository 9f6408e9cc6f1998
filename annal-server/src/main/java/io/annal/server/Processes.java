package io.annal.server;

import io.annal.examples.bank.process.TransferProcessRuntime;
import io.annal.examples.orders.process.FulfilmentProcessRuntime;
import io.annal.process.ProcessRuntime;
import io.annal.store.EventStore;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;

/**
 * The reference process managers, running beside the API: the transfer process (debit, credit,
 * complete or refund) and order fulfilment (reserve stock, then ready to ship or reject). They
 * follow the log, so a command answers as soon as its own events are stored and the process
 * carries on, surviving restarts.
 */
final class Processes implements AutoCloseable {

    /** How long a transfer may wait for its debit before it fails as timed out. */
    static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(30);

    private final List<ProcessRuntime<?, ?, ?>> runtimes;

    Processes(EventStore store, ReferenceDomains domains, OpenTelemetry otel) {
        this.runtimes = List.of(
                TransferProcessRuntime.builder(
                                store,
                                TransferProcessRuntime.router(domains.accounts, domains.transfers),
                                TRANSFER_TIMEOUT)
                        .openTelemetry(otel)
                        .build(),
                FulfilmentProcessRuntime.builder(store, domains.orders, domains.inventory)
                        .openTelemetry(otel)
                        .build());
    }

    void start() {
        runtimes.forEach(ProcessRuntime::start);
    }

    /** Whether every runtime still runs (one that failed has stopped following the log). */
    boolean healthy() {
        return runtimes.stream().allMatch(r -> r.failure().isEmpty());
    }

    @Override
    public void close() {
        runtimes.forEach(ProcessRuntime::close);
    }
}
