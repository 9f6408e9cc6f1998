package io.annal.store.tck;

import io.annal.store.Direction;
import io.annal.store.ExpectedVersion;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.WrongExpectedVersionException;
import io.annal.store.tck.Outcome.Appended;
import io.annal.store.tck.Outcome.Done;
import io.annal.store.tck.Outcome.Entry;
import io.annal.store.tck.Outcome.Failed;
import io.annal.store.tck.Outcome.Read;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** The store's rules at their simplest, for comparing with a real store. */
final class StoreModel {

    private static final class Stream {
        final List<UUID> ids = new ArrayList<>();
        final List<Instant> recordedAt = new ArrayList<>();
        boolean deleted;
        boolean tombstoned;
        long deletedBefore;
        StreamMetadata metadata = StreamMetadata.none();

        Optional<Long> lastWritten() {
            return ids.isEmpty() ? Optional.empty() : Optional.of(ids.size() - 1L);
        }

        boolean isLive() {
            return !ids.isEmpty() && !deleted && !tombstoned;
        }

        Optional<Long> current() {
            return isLive() ? lastWritten() : Optional.empty();
        }

        boolean shows(long version, Instant now) {
            return isLive()
                    && version >= deletedBefore
                    && version >= metadata.firstKeptVersion(ids.size() - 1L)
                    && metadata.maxAge()
                            .map(age -> !recordedAt.get((int) version).isBefore(now.minus(age)))
                            .orElse(true);
        }
    }

    private final Map<StreamName, Stream> streams = new HashMap<>();
    private final List<Entry> log = new ArrayList<>();
    private final InstantSource clock;

    /** {@code clock} must tick in whole milliseconds, so that the store's truncation changes nothing. */
    StoreModel(InstantSource clock) {
        this.clock = clock;
    }

    private Stream stream(StreamName name) {
        return streams.computeIfAbsent(name, n -> new Stream());
    }

    Optional<Long> lastWritten(StreamName name) {
        return stream(name).lastWritten();
    }

    Outcome append(StreamName name, ExpectedVersion expected, List<UUID> ids) {
        Stream stream = stream(name);
        if (stream.tombstoned) {
            return Outcome.failed(StreamDeletedException.class);
        }
        List<Integer> found =
                ids.stream().map(stream.ids::indexOf).filter(v -> v >= 0).toList();
        if (!found.isEmpty()) {
            for (int i = 0; i < found.size(); i++) {
                if (found.size() != ids.size() || found.get(i) != found.getFirst() + i) {
                    return Outcome.failed(IdempotencyConflictException.class);
                }
            }
            return new Appended(found.getFirst(), found.getLast(), true);
        }
        if (!expected.isMetBy(stream.current(), stream.lastWritten())) {
            return new Failed(WrongExpectedVersionException.class.getSimpleName(), stream.current());
        }
        long first = stream.ids.size();
        for (UUID id : ids) {
            log.add(new Entry(name, stream.ids.size(), id));
            stream.ids.add(id);
            stream.recordedAt.add(clock.instant());
        }
        stream.deleted = false;
        return new Appended(first, stream.ids.size() - 1L, false);
    }

    Outcome delete(StreamName name, ExpectedVersion expected) {
        Stream stream = stream(name);
        if (stream.tombstoned) {
            return Outcome.failed(StreamDeletedException.class);
        }
        if (!stream.isLive()) {
            return Outcome.failed(StreamNotFoundException.class);
        }
        if (!expected.isMetBy(stream.current(), stream.lastWritten())) {
            return new Failed(WrongExpectedVersionException.class.getSimpleName(), stream.current());
        }
        stream.deleted = true;
        stream.deletedBefore = stream.ids.size();
        stream.metadata = stream.metadata.withTruncateBefore(stream.deletedBefore);
        return new Done();
    }

    Outcome tombstone(StreamName name) {
        Stream stream = stream(name);
        if (stream.tombstoned) {
            return Outcome.failed(StreamDeletedException.class);
        }
        stream.tombstoned = true;
        return new Done();
    }

    Outcome setMetadata(StreamName name, StreamMetadata metadata) {
        Stream stream = stream(name);
        if (stream.tombstoned) {
            return Outcome.failed(StreamDeletedException.class);
        }
        stream.metadata = metadata;
        return new Done();
    }

    Outcome readStream(StreamName name, long from, Direction direction, int maxCount) {
        Stream stream = stream(name);
        if (stream.tombstoned) {
            return Outcome.failed(StreamDeletedException.class);
        }
        if (!stream.isLive()) {
            return Outcome.failed(StreamNotFoundException.class);
        }
        List<Entry> matching = new ArrayList<>();
        for (int v = 0; v < stream.ids.size(); v++) {
            boolean inRange = direction == Direction.FORWARD ? v >= from : v <= from;
            if (inRange && stream.shows(v, clock.instant())) {
                matching.add(new Entry(name, v, stream.ids.get(v)));
            }
        }
        List<Entry> ordered = direction == Direction.FORWARD ? matching : matching.reversed();
        List<Entry> page = ordered.subList(0, Math.min(maxCount, ordered.size()));
        OptionalLong next = ordered.size() > page.size()
                ? OptionalLong.of(page.getLast().version() + (direction == Direction.FORWARD ? 1 : -1))
                : OptionalLong.empty();
        return new Read(page, stream.ids.size() - 1L, next);
    }

    /** Every event a read of all returns, in commit order. */
    List<Entry> visibleLog() {
        Instant now = clock.instant();
        return log.stream()
                .filter(e -> stream(e.stream()).shows(e.version(), now))
                .toList();
    }
}
