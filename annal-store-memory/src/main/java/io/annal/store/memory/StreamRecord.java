package io.annal.store.memory;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** One stream's state: every event ever written (version = index), its ids and its bounds. Guarded by the store's lock. */
final class StreamRecord {

    private final StreamName name;
    private final List<RecordedEvent> events = new ArrayList<>();
    private final Map<UUID, Long> versionsById = new HashMap<>();
    private StreamMetadata metadata = StreamMetadata.none();
    private Optional<Instant> lastWrite = Optional.empty();
    private boolean deleted;
    private boolean tombstoned;
    // A soft delete hides what was written before it forever, even if the metadata is replaced later.
    private long deletedBefore;

    StreamRecord(StreamName name) {
        this.name = name;
    }

    /** Written or tombstoned: the store tells operators about it. */
    boolean isKnown() {
        return !events.isEmpty() || tombstoned;
    }

    boolean isLive() {
        return !events.isEmpty() && !deleted && !tombstoned;
    }

    boolean isTombstoned() {
        return tombstoned;
    }

    Optional<Long> lastWritten() {
        return events.isEmpty() ? Optional.empty() : Optional.of((long) events.size() - 1);
    }

    /** The version an expectation compares with: empty when the stream does not exist. */
    Optional<Long> current() {
        return isLive() ? lastWritten() : Optional.empty();
    }

    long nextVersion() {
        return events.size();
    }

    StreamMetadata metadata() {
        return metadata;
    }

    void setMetadata(StreamMetadata metadata) {
        this.metadata = metadata;
    }

    void add(RecordedEvent event) {
        events.add(event);
        versionsById.put(event.id(), event.version());
        lastWrite = Optional.of(event.recordedAt());
        deleted = false;
    }

    void softDelete() {
        deletedBefore = events.size();
        metadata = metadata.withTruncateBefore(deletedBefore);
        deleted = true;
    }

    void tombstone() {
        tombstoned = true;
    }

    /**
     * The original result when {@code batch} was appended before at consecutive versions, empty when
     * none of its ids is here.
     */
    Optional<AppendResult> retryOf(List<EventData> batch) {
        List<Long> found = new ArrayList<>();
        for (EventData event : batch) {
            Long version = versionsById.get(event.id());
            if (version != null) {
                found.add(version);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long first = found.get(0);
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) != first + i) {
                throw new IdempotencyConflictException(name, "the known ids are not at consecutive versions in order");
            }
        }
        if (found.size() != batch.size()) {
            throw new IdempotencyConflictException(name, found.size() + " of " + batch.size() + " ids were appended");
        }
        RecordedEvent a = events.get((int) first);
        RecordedEvent b = events.get((int) first + batch.size() - 1);
        return Optional.of(new AppendResult(name, a.version(), b.version(), a.position(), b.position(), true)
                .withRecordedAt(a.recordedAt()));
    }

    /** The events a read may return at {@code now}, ascending. */
    List<RecordedEvent> liveEvents(Instant now) {
        if (!isLive()) {
            return List.of();
        }
        long first = Math.max(deletedBefore, metadata.firstKeptVersion(events.size() - 1L));
        List<RecordedEvent> live = new ArrayList<>();
        for (RecordedEvent event : events.subList((int) Math.min(first, events.size()), events.size())) {
            if (isYoungEnough(event, now)) {
                live.add(event);
            }
        }
        return live;
    }

    boolean isLive(RecordedEvent event, Instant now) {
        return isLive()
                && event.version() >= Math.max(deletedBefore, metadata.firstKeptVersion(events.size() - 1L))
                && isYoungEnough(event, now);
    }

    private boolean isYoungEnough(RecordedEvent event, Instant now) {
        return metadata.maxAge()
                .map(age -> !event.recordedAt().isBefore(now.minus(age)))
                .orElse(true);
    }

    StreamInfo info() {
        StreamState state = tombstoned ? StreamState.TOMBSTONED : deleted ? StreamState.DELETED : StreamState.LIVE;
        OptionalLong last = events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.size() - 1L);
        return new StreamInfo(name, state, last, lastWrite);
    }
}
