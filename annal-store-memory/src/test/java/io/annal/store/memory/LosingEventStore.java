package io.annal.store.memory;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.ForwardingEventStore;
import io.annal.store.Position;
import io.annal.store.StreamName;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Broken on purpose: acknowledges every eighth append with a plausible result but never stores it. */
final class LosingEventStore extends ForwardingEventStore {

    private final AtomicLong appends = new AtomicLong();

    LosingEventStore(EventStore delegate) {
        super(delegate);
    }

    @Override
    public AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        if (appends.incrementAndGet() % 8 != 0) {
            return super.append(stream, expected, events);
        }
        long version =
                delegate.info(stream).map(info -> info.lastVersion().orElse(-1)).orElse(-1L) + 1;
        long position = delegate.headPosition().map(p -> p.value() + 1).orElse(0L);
        return new AppendResult(
                stream,
                version,
                version + events.size() - 1,
                Position.of(position),
                Position.of(position + events.size() - 1),
                false);
    }
}
