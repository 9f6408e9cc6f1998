package io.annal.store.memory;

import io.annal.store.AllSlice;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.WrongExpectedVersionException;
import io.annal.store.spi.PageSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The store's contents and its rules: one global log (a position is an index into it) and one
 * record per stream. Not thread-safe: {@link InMemoryEventStore} calls it under its lock.
 */
final class StoreState {

    private final List<RecordedEvent> log = new ArrayList<>();
    private final TreeMap<StreamName, StreamRecord> streams = new TreeMap<>();

    List<AppendResult> append(List<StreamAppend> parts, Instant now) {
        // Check every part before writing any, so that a failure leaves the store untouched.
        List<Optional<AppendResult>> retries = parts.stream().map(this::check).toList();
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            StreamAppend part = parts.get(i);
            results.add(retries.get(i).orElseGet(() -> write(part, now)));
        }
        return results;
    }

    /** The original result when the part is a retry, empty when it is to be written; throws when it must not be. */
    private Optional<AppendResult> check(StreamAppend part) {
        StreamRecord stream = recordOf(part.stream());
        if (stream.isTombstoned()) {
            throw new StreamDeletedException(part.stream());
        }
        Optional<AppendResult> retry = stream.retryOf(part.events());
        if (retry.isEmpty()) {
            expect(part.stream(), stream, part.expectedVersion());
        }
        return retry;
    }

    private AppendResult write(StreamAppend part, Instant now) {
        StreamRecord stream = streams.computeIfAbsent(part.stream(), StreamRecord::new);
        long firstVersion = stream.nextVersion();
        long firstPosition = log.size();
        for (EventData data : part.events()) {
            RecordedEvent event = new RecordedEvent(
                    part.stream(),
                    stream.nextVersion(),
                    Position.of(log.size()),
                    data.id(),
                    data.type(),
                    data.data(),
                    data.metadata(),
                    now);
            log.add(event);
            stream.add(event);
        }
        return new AppendResult(
                        part.stream(),
                        firstVersion,
                        stream.nextVersion() - 1,
                        Position.of(firstPosition),
                        Position.of(log.size() - 1L),
                        false)
                .withRecordedAt(now);
    }

    StreamSlice readStream(StreamName name, long from, Direction direction, int maxCount, Instant now) {
        StreamRecord stream = readable(name);
        List<RecordedEvent> live = stream.liveEvents(now);
        List<RecordedEvent> matching = direction == Direction.FORWARD
                ? live.stream().filter(e -> e.version() >= from).toList()
                : live.reversed().stream().filter(e -> e.version() <= from).toList();
        List<RecordedEvent> page = matching.subList(0, Math.min(maxCount, matching.size()));
        OptionalLong next = matching.size() > page.size()
                ? OptionalLong.of(page.getLast().version() + (direction == Direction.FORWARD ? 1 : -1))
                : OptionalLong.empty();
        return new StreamSlice(name, page, stream.lastWritten().orElseThrow(), next);
    }

    AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter, Instant now) {
        boolean forward = direction == Direction.FORWARD;
        int step = forward ? 1 : -1;
        long start = forward ? from.value() : Math.min(from.value(), log.size() - 1L);
        List<RecordedEvent> page = new ArrayList<>();
        for (long i = start; i >= 0 && i < log.size(); i += step) {
            RecordedEvent event = log.get((int) i);
            if (isVisible(event, filter, now)) {
                if (page.size() == maxCount) {
                    // Another event follows the full page: tell the reader where to go on.
                    return new AllSlice(
                            page,
                            Optional.of(Position.of(page.getLast().position().value() + step)));
                }
                page.add(event);
            }
        }
        return new AllSlice(page, Optional.empty());
    }

    Optional<Position> headPosition() {
        return log.isEmpty() ? Optional.empty() : Optional.of(log.getLast().position());
    }

    /** A subscription's page of {@code $all}: up to {@code maxCount} visible events after position {@code after}. */
    PageSource.Page allPage(long after, int maxCount, EventFilter filter, Instant now) {
        List<RecordedEvent> events = new ArrayList<>();
        long scannedTo = after;
        long i = after + 1;
        for (; i < log.size() && events.size() < maxCount; i++) {
            RecordedEvent event = log.get((int) i);
            scannedTo = i;
            if (isVisible(event, filter, now)) {
                events.add(event);
            }
        }
        return new PageSource.Page(events, scannedTo, i >= log.size());
    }

    /** A subscription's page of one stream: up to {@code maxCount} live events after version {@code after}. */
    PageSource.Page streamPage(StreamName name, long after, int maxCount, Instant now) {
        StreamRecord stream = recordOf(name);
        if (stream.isTombstoned()) {
            throw new StreamDeletedException(name);
        }
        List<RecordedEvent> later =
                stream.liveEvents(now).stream().filter(e -> e.version() > after).toList();
        List<RecordedEvent> page = later.subList(0, Math.min(maxCount, later.size()));
        long scannedTo = page.isEmpty() ? after : page.getLast().version();
        return new PageSource.Page(page, scannedTo, page.size() == later.size());
    }

    /** The last version of a stream, -1 when it was never written: where a subscription from the end starts. */
    long lastVersion(StreamName name) {
        return recordOf(name).lastWritten().orElse(-1L);
    }

    void delete(StreamName name, ExpectedVersion expected) {
        StreamRecord stream = readable(name);
        expect(name, stream, expected);
        stream.softDelete();
    }

    void tombstone(StreamName name, ExpectedVersion expected) {
        StreamRecord stream = recordOf(name);
        if (stream.isTombstoned()) {
            throw new StreamDeletedException(name);
        }
        expect(name, stream, expected);
        streams.computeIfAbsent(name, StreamRecord::new).tombstone();
    }

    StreamMetadata metadata(StreamName name) {
        return unlessTombstoned(name, recordOf(name)).metadata();
    }

    void setMetadata(StreamName name, StreamMetadata metadata) {
        unlessTombstoned(name, streams.computeIfAbsent(name, StreamRecord::new)).setMetadata(metadata);
    }

    Optional<StreamInfo> info(StreamName name) {
        return Optional.ofNullable(streams.get(name))
                .filter(StreamRecord::isKnown)
                .map(StreamRecord::info);
    }

    List<StreamInfo> listStreams(String prefix, Optional<StreamName> after, int limit) {
        var candidates = after.isPresent() ? streams.tailMap(after.get(), false) : streams;
        return candidates.values().stream()
                .filter(StreamRecord::isKnown)
                .map(StreamRecord::info)
                .filter(info -> info.stream().startsWith(prefix))
                .limit(limit)
                .toList();
    }

    private boolean isVisible(RecordedEvent event, EventFilter filter, Instant now) {
        return filter.matches(event) && streams.get(event.stream()).isLive(event, now);
    }

    /** The stream's record; a blank one, not kept, for a name the store has never seen. */
    private StreamRecord recordOf(StreamName name) {
        StreamRecord stream = streams.get(name);
        return stream != null ? stream : new StreamRecord(name);
    }

    private StreamRecord readable(StreamName name) {
        StreamRecord stream = unlessTombstoned(name, recordOf(name));
        if (!stream.isLive()) {
            throw new StreamNotFoundException(name);
        }
        return stream;
    }

    private static StreamRecord unlessTombstoned(StreamName name, StreamRecord stream) {
        if (stream.isTombstoned()) {
            throw new StreamDeletedException(name);
        }
        return stream;
    }

    private static void expect(StreamName name, StreamRecord stream, ExpectedVersion expected) {
        if (!expected.isMetBy(stream.current(), stream.lastWritten())) {
            throw new WrongExpectedVersionException(name, expected, stream.current());
        }
    }
}
