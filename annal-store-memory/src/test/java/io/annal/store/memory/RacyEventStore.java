package io.annal.store.memory;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.ForwardingEventStore;
import io.annal.store.StreamInfo;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import java.util.List;
import java.util.Optional;

/**
 * Broken on purpose, and only under concurrency: it checks the expected version, then appends
 * without holding anything between the two, so two writers can both pass the check.
 */
final class RacyEventStore extends ForwardingEventStore {

    RacyEventStore(EventStore delegate) {
        super(delegate);
    }

    @Override
    @SuppressWarnings("ThreadPriorityCheck") // yielding to other writers is the point here
    public AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        Optional<StreamInfo> info = delegate.info(stream);
        Optional<Long> lastWritten = info.flatMap(
                i -> i.lastVersion().isPresent() ? Optional.of(i.lastVersion().getAsLong()) : Optional.empty());
        Optional<Long> current = info.filter(i -> i.state() == StreamState.LIVE).flatMap(i -> lastWritten);
        if (!expected.isMetBy(current, lastWritten)) {
            // Let the real store decide: a retry or a conflict, or the same rejection.
            return delegate.append(stream, expected, events);
        }
        // The window another writer slips through.
        Thread.yield();
        return delegate.append(stream, ExpectedVersion.any(), events);
    }
}
