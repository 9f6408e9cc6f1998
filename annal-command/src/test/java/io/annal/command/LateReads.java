package io.annal.command;

import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.ForwardingEventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import java.util.List;
import java.util.OptionalLong;

/**
 * The in-memory store, with a stream's events from one version on left out of its reads until the
 * stream has been read a number of times: a write accepted but not yet readable, as in a store
 * whose reads lag its writer.
 */
final class LateReads extends ForwardingEventStore {

    private StreamName hidden = StreamName.of("nothing-hidden");
    private long hiddenFrom = Long.MAX_VALUE;
    private int readsLeft;

    LateReads(EventStore delegate) {
        super(delegate);
    }

    /** Leaves {@code stream}'s events from {@code version} out of the next {@code reads - 1} reads. */
    synchronized void hideFrom(StreamName stream, long version, int reads) {
        hidden = stream;
        hiddenFrom = version;
        readsLeft = reads - 1;
    }

    @Override
    public synchronized StreamSlice readStream(StreamName stream, long from, Direction direction, int maxCount) {
        StreamSlice slice = delegate.readStream(stream, from, direction, maxCount);
        if (!stream.equals(hidden) || readsLeft <= 0) {
            return slice;
        }
        readsLeft--;
        List<RecordedEvent> shown =
                slice.events().stream().filter(e -> e.version() < hiddenFrom).toList();
        return new StreamSlice(stream, shown, Math.min(slice.lastVersion(), hiddenFrom - 1), OptionalLong.empty());
    }
}
