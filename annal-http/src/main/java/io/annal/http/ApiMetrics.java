package io.annal.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** What the API measures: commands by outcome and HTTP latency by route (appends: the server's store). */
final class ApiMetrics {

    private final MeterRegistry registry;
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<CommandKey, Counter> commandCounters = new ConcurrentHashMap<>();

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void command(String type, String outcome) {
        // Ours too: the registry's lookup builds tags and an id on every call.
        commandCounters
                .computeIfAbsent(
                        new CommandKey(type, outcome),
                        key -> registry.counter("annal.commands", "type", key.type(), "outcome", key.outcome()))
                .increment();
    }

    void request(String method, String route, int status, long nanos) {
        // Looked up in a map of our own: building and registering a timer per request costs more
        // than the query it measures.
        requestTimers
                .computeIfAbsent(new RequestKey(method, route, status), this::requestTimer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer requestTimer(RequestKey key) {
        return Timer.builder("annal.http.requests")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    private record RequestKey(String method, String route, int status) {}

    private record CommandKey(String type, String outcome) {}
}
