package io.annal.command;

import io.annal.store.AllSlice;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamAppend;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.StreamState;
import io.annal.store.Subscription;
import io.annal.store.SubscriptionListener;
import io.annal.store.SubscriptionStart;
import io.annal.store.WrongExpectedVersionException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A minimal stand-in for the reference in-memory store, holding only what the command runtime
 * uses: appends (with idempotency by id), stream reads, metadata, info and soft delete.
 */
final class TestEventStore implements EventStore {

    private final InstantSource clock;
    private final Map<StreamName, List<RecordedEvent>> streams = new HashMap<>();
    private final Map<StreamName, StreamMetadata> metadata = new HashMap<>();
    private final Map<StreamName, Boolean> deleted = new HashMap<>();
    private long nextPosition;

    TestEventStore(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events) {
        return appendAtomically(List.of(StreamAppend.of(stream, expected, events)))
                .getFirst();
    }

    @Override
    public synchronized List<AppendResult> appendAtomically(List<StreamAppend> appends) {
        List<Optional<AppendResult>> retries = new ArrayList<>();
        for (StreamAppend part : appends) {
            Optional<AppendResult> retry = retryOf(part);
            retries.add(retry);
            if (retry.isEmpty() && !part.expectedVersion().isMetBy(live(part.stream()), lastWritten(part.stream()))) {
                throw new WrongExpectedVersionException(part.stream(), part.expectedVersion(), live(part.stream()));
            }
        }
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            if (retries.get(i).isPresent()) {
                results.add(retries.get(i).get());
                continue;
            }
            StreamAppend part = appends.get(i);
            List<RecordedEvent> events = streams.computeIfAbsent(part.stream(), s -> new ArrayList<>());
            deleted.remove(part.stream());
            long first = events.size();
            long firstPosition = nextPosition;
            for (EventData e : part.events()) {
                events.add(new RecordedEvent(
                        part.stream(),
                        events.size(),
                        Position.of(nextPosition++),
                        e.id(),
                        e.type(),
                        e.data(),
                        e.metadata(),
                        clock.instant()));
            }
            results.add(new AppendResult(
                    part.stream(),
                    first,
                    events.size() - 1,
                    Position.of(firstPosition),
                    Position.of(nextPosition - 1),
                    false));
        }
        return results;
    }

    private Optional<AppendResult> retryOf(StreamAppend part) {
        List<RecordedEvent> events = streams.getOrDefault(part.stream(), List.of());
        int matches = 0;
        int at = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).id().equals(part.events().getFirst().id())) {
                at = i;
            }
        }
        for (EventData e : part.events()) {
            if (events.stream().anyMatch(r -> r.id().equals(e.id()))) {
                matches++;
            }
        }
        if (matches == 0) {
            return Optional.empty();
        }
        if (matches != part.events().size() || at < 0 || at + matches > events.size()) {
            throw new IdempotencyConflictException(part.stream(), "partial");
        }
        for (int i = 0; i < matches; i++) {
            if (!events.get(at + i).id().equals(part.events().get(i).id())) {
                throw new IdempotencyConflictException(part.stream(), "out of order");
            }
        }
        return Optional.of(new AppendResult(
                part.stream(),
                at,
                at + matches - 1,
                events.get(at).position(),
                events.get(at + matches - 1).position(),
                true));
    }

    private Optional<Long> lastWritten(StreamName stream) {
        List<RecordedEvent> events = streams.get(stream);
        return events == null || events.isEmpty() ? Optional.empty() : Optional.of((long) events.size() - 1);
    }

    private Optional<Long> live(StreamName stream) {
        return deleted.containsKey(stream) ? Optional.empty() : lastWritten(stream);
    }

    @Override
    public synchronized StreamSlice readStream(StreamName stream, long from, Direction direction, int maxCount) {
        Optional<Long> last = live(stream);
        if (last.isEmpty()) {
            throw new StreamNotFoundException(stream);
        }
        List<RecordedEvent> events = streams.get(stream);
        long firstKept = metadata(stream).firstKeptVersion(last.get());
        List<RecordedEvent> page = new ArrayList<>();
        if (direction == Direction.FORWARD) {
            for (long v = Math.max(from, firstKept); v <= last.get() && page.size() < maxCount; v++) {
                page.add(events.get((int) v));
            }
            long after = page.isEmpty() ? from : page.getLast().version() + 1;
            return new StreamSlice(
                    stream,
                    page,
                    last.get(),
                    after <= last.get() && !page.isEmpty() ? OptionalLong.of(after) : OptionalLong.empty());
        }
        for (long v = Math.min(from, last.get()); v >= firstKept && page.size() < maxCount; v--) {
            page.add(events.get((int) v));
        }
        long below = page.isEmpty() ? -1 : page.getLast().version() - 1;
        return new StreamSlice(
                stream, page, last.get(), below >= firstKept ? OptionalLong.of(below) : OptionalLong.empty());
    }

    @Override
    public synchronized void delete(StreamName stream, ExpectedVersion expected) {
        long last = live(stream).orElseThrow(() -> new StreamNotFoundException(stream));
        deleted.put(stream, true);
        metadata.put(stream, metadata(stream).withTruncateBefore(last + 1));
    }

    @Override
    public synchronized StreamMetadata metadata(StreamName stream) {
        return metadata.getOrDefault(stream, StreamMetadata.none());
    }

    @Override
    public synchronized void setMetadata(StreamName stream, StreamMetadata value) {
        metadata.put(stream, value);
    }

    @Override
    public synchronized Optional<StreamInfo> info(StreamName stream) {
        return lastWritten(stream)
                .map(last -> new StreamInfo(
                        stream,
                        deleted.containsKey(stream) ? StreamState.DELETED : StreamState.LIVE,
                        OptionalLong.of(last),
                        Optional.of(streams.get(stream).getLast().recordedAt())));
    }

    @Override
    public void tombstone(StreamName stream, ExpectedVersion expected) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<StreamInfo> listStreams(String prefix, Optional<StreamName> after, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Position> headPosition() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription subscribeToAll(SubscriptionStart start, EventFilter filter, SubscriptionListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Subscription subscribeToStream(StreamName stream, SubscriptionStart start, SubscriptionListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
