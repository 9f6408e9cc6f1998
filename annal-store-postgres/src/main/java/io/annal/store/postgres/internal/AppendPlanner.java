package io.annal.store.postgres.internal;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.EventTooLargeException;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.Position;
import io.annal.store.StoreLimits;
import io.annal.store.StreamAppend;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import io.annal.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides, in memory, what each append of a batch does: fail, repeat an earlier result, or append.
 * The stream rows and already-stored event ids it starts from were read under the append lock, and
 * every accepted append updates them, so later appends of the same batch see earlier ones exactly
 * as if they had been separate transactions.
 */
final class AppendPlanner {

    /** What one part of an accepted append does. */
    sealed interface PartPlan {
        AppendResult result();
    }

    /** Every id was already in the stream at consecutive versions: nothing to write. */
    record Repeat(StreamName stream, EventSlot first, EventSlot last) implements PartPlan {
        @Override
        public AppendResult result() {
            return new AppendResult(
                    stream,
                    first.version,
                    last.version,
                    Position.of(first.position()),
                    Position.of(last.position()),
                    true);
        }
    }

    /** New events to insert, at the given slots. */
    record Fresh(StreamName stream, List<EventData> events, List<EventSlot> slots) implements PartPlan {
        @Override
        public AppendResult result() {
            EventSlot first = slots.getFirst();
            EventSlot last = slots.getLast();
            return new AppendResult(
                    stream,
                    first.version,
                    last.version,
                    Position.of(first.position()),
                    Position.of(last.position()),
                    false);
        }
    }

    record EventKey(StreamName stream, UUID id) {}

    private final Map<StreamName, StreamRecord> streams;
    private final Map<EventKey, EventSlot> stored;

    AppendPlanner(Map<StreamName, StreamRecord> streams, Map<EventKey, EventSlot> stored) {
        this.streams = streams;
        this.stored = stored;
    }

    /**
     * Checks every part of {@code parts} and, when all pass, applies them to the in-memory state.
     *
     * @throws io.annal.store.EventStoreException the first part's failure; nothing was applied
     */
    List<PartPlan> plan(List<StreamAppend> parts) {
        List<PartPlan> plans = new ArrayList<>(parts.size());
        for (StreamAppend part : parts) {
            plans.add(check(part));
        }
        for (PartPlan plan : plans) {
            if (plan instanceof Fresh fresh) {
                apply(fresh);
            }
        }
        return plans;
    }

    private PartPlan check(StreamAppend part) {
        StreamRecord stream = record(part.stream());
        if (stream.isTombstoned()) {
            throw new StreamDeletedException(part.stream());
        }
        Optional<Repeat> repeat = repeatOf(part);
        if (repeat.isPresent()) {
            return repeat.get();
        }
        if (!part.expectedVersion().isMetBy(stream.current(), stream.lastWritten())) {
            throw new WrongExpectedVersionException(part.stream(), part.expectedVersion(), stream.current());
        }
        for (EventData event : part.events()) {
            if (event.size() > StoreLimits.MAX_EVENT_SIZE) {
                throw new EventTooLargeException(event.id(), event.size(), StoreLimits.MAX_EVENT_SIZE);
            }
        }
        List<EventSlot> slots = new ArrayList<>(part.events().size());
        for (int i = 0; i < part.events().size(); i++) {
            slots.add(EventSlot.planned(stream.lastVersion + 1 + i));
        }
        return new Fresh(part.stream(), part.events(), slots);
    }

    private Optional<Repeat> repeatOf(StreamAppend part) {
        List<EventData> events = part.events();
        List<EventSlot> found = new ArrayList<>(events.size());
        for (EventData event : events) {
            EventSlot slot = stored.get(new EventKey(part.stream(), event.id()));
            if (slot != null) {
                found.add(slot);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.size() < events.size()) {
            throw new IdempotencyConflictException(
                    part.stream(), found.size() + " of " + events.size() + " ids are already in the stream");
        }
        for (int i = 1; i < found.size(); i++) {
            if (found.get(i).version != found.getFirst().version + i) {
                throw new IdempotencyConflictException(
                        part.stream(), "the ids are in the stream, but not at consecutive versions in this order");
            }
        }
        return Optional.of(new Repeat(part.stream(), found.getFirst(), found.getLast()));
    }

    private void apply(Fresh fresh) {
        StreamRecord stream = record(fresh.stream());
        for (int i = 0; i < fresh.events().size(); i++) {
            stored.put(
                    new EventKey(fresh.stream(), fresh.events().get(i).id()),
                    fresh.slots().get(i));
        }
        stream.lastVersion = fresh.slots().getLast().version;
        stream.state = Optional.of(StreamState.LIVE);
        stream.written = true;
    }

    private StreamRecord record(StreamName name) {
        return streams.computeIfAbsent(name, StreamRecord::absent);
    }
}
