package io.annal.command;

import io.annal.store.AllSlice;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamAppend;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The in-memory store, with a stream's events from one version on left out of its reads until the
 * stream has been read a number of times: a write accepted but not yet readable, as in a store
 * whose reads lag its writer.
 */
final class LateReads implements EventStore {

    private final EventStore delegate;
    private StreamName hidden = StreamName.of("nothing-hidden");
    private long hiddenFrom = Long.MAX_VALUE;
    private int readsLeft;

    LateReads(EventStore delegate) {
        this.delegate = delegate;
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

    @Override
    public AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        return delegate.append(stream, expected, events);
    }

    @Override
    public List<AppendResult> appendAtomically(List<StreamAppend> appends) {
        return delegate.appendAtomically(appends);
    }

    @Override
    public AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter) {
        return delegate.readAll(from, direction, maxCount, filter);
    }

    @Override
    public Optional<Position> headPosition() {
        return delegate.headPosition();
    }

    @Override
    public Subscription subscribeToAll(SubscriptionStart start, EventFilter filter, SubscriptionListener listener) {
        return delegate.subscribeToAll(start, filter, listener);
    }

    @Override
    public Subscription subscribeToStream(StreamName stream, SubscriptionStart start, SubscriptionListener listener) {
        return delegate.subscribeToStream(stream, start, listener);
    }

    @Override
    public void delete(StreamName stream, ExpectedVersion expected) {
        delegate.delete(stream, expected);
    }

    @Override
    public void tombstone(StreamName stream, ExpectedVersion expected) {
        delegate.tombstone(stream, expected);
    }

    @Override
    public StreamMetadata metadata(StreamName stream) {
        return delegate.metadata(stream);
    }

    @Override
    public void setMetadata(StreamName stream, StreamMetadata metadata) {
        delegate.setMetadata(stream, metadata);
    }

    @Override
    public Optional<StreamInfo> info(StreamName stream) {
        return delegate.info(stream);
    }

    @Override
    public List<StreamInfo> listStreams(String prefix, Optional<StreamName> after, int limit) {
        return delegate.listStreams(prefix, after, limit);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
