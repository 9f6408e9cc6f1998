package io.annal.server;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.ForwardingEventStore;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's store, measuring every append whoever makes it: the event-store API, commands and
 * process managers alike, so that {@code annal_appends_*} shows what the store is asked to write.
 */
final class MeteredEventStore extends ForwardingEventStore {

    private final Counter events;
    private final Timer latency;

    MeteredEventStore(EventStore delegate, MeterRegistry registry) {
        super(delegate);
        this.events = Counter.builder("annal.appends.events")
                .description("events appended, by any caller")
                .register(registry);
        this.latency = Timer.builder("annal.appends")
                .description("append latency, until durable")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        long started = System.nanoTime();
        AppendResult result = delegate.append(stream, expected, events);
        appended(result.duplicate() ? 0 : events.size(), started);
        return result;
    }

    @Override
    public List<AppendResult> appendAtomically(List<StreamAppend> appends) {
        long started = System.nanoTime();
        List<AppendResult> results = delegate.appendAtomically(appends);
        int written = 0;
        for (int i = 0; i < appends.size(); i++) {
            written += results.get(i).duplicate() ? 0 : appends.get(i).events().size();
        }
        appended(written, started);
        return results;
    }

    private void appended(int written, long started) {
        events.increment(written);
        latency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
