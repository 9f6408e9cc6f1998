package io.annal.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** What the API measures: appends, commands by outcome and HTTP latency by route. */
final class ApiMetrics {

    private final MeterRegistry registry;
    private final Counter appendedEvents;
    private final Timer appendLatency;

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.appendedEvents = Counter.builder("annal.appends.events")
                .description("events appended through the HTTP API")
                .register(registry);
        this.appendLatency = Timer.builder("annal.appends")
                .description("append latency")
                .publishPercentileHistogram()
                .register(registry);
    }

    void appended(int events, long nanos) {
        appendedEvents.increment(events);
        appendLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void command(String type, String outcome) {
        registry.counter("annal.commands", "type", type, "outcome", outcome).increment();
    }

    void request(String method, String route, int status, long nanos) {
        Timer.builder("annal.http.requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
