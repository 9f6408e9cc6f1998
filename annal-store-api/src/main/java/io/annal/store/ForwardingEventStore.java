package io.annal.store;

import java.util.List;
import java.util.Optional;

/**
 * A store that hands every call to another: the base of stores that change one behaviour, such
 * as a store that measures its appends, or the deliberately broken stores the conformance suite
 * must fail.
 */
public abstract class ForwardingEventStore implements EventStore {

    protected final EventStore delegate;

    protected ForwardingEventStore(EventStore delegate) {
        this.delegate = delegate;
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
    public StreamSlice readStream(StreamName stream, long from, Direction direction, int maxCount) {
        return delegate.readStream(stream, from, direction, maxCount);
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
