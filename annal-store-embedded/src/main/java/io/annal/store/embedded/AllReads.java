package io.annal.store.embedded;

import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.InvalidRequestException;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamName;
import io.annal.store.embedded.internal.index.PositionList;
import io.annal.store.embedded.internal.index.StoreIndex;
import io.annal.store.embedded.internal.log.Log;
import io.annal.store.embedded.internal.log.LogRecord;
import io.annal.store.embedded.internal.log.RecordFilter;
import io.annal.store.spi.PageSource;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the global order. The event positions list gives each event's place in the log, so a
 * read from any position starts with a binary search and then reads records in log order.
 */
final class AllReads {

    /** The most records a subscription page looks at, so that a selective filter still makes progress. */
    private static final int SCAN_LIMIT = 16_384;

    private final StoreIndex index;
    private final Log log;
    private final InstantSource clock;

    AllReads(StoreIndex index, Log log, InstantSource clock) {
        this.index = index;
        this.log = log;
        this.clock = clock;
    }

    AllSlice read(Position from, Direction direction, int maxCount, EventFilter filter) {
        if (maxCount < 1 || maxCount > StoreLimits.MAX_READ_COUNT) {
            throw new InvalidRequestException(
                    "maxCount must be 1 to " + StoreLimits.MAX_READ_COUNT + " (got " + maxCount + ")");
        }
        PositionList events = index.events();
        long size = events.size();
        List<RecordedEvent> page = new ArrayList<>();
        boolean forward = direction == Direction.FORWARD;
        // reclaimed positions are skipped: their events were all dead when a scavenge removed them
        long i = forward
                ? events.firstAtOrAfter(Math.max(from.value(), log.firstHeld()), size)
                : lastAtOrBefore(from.value(), size);
        LastStream previous = new LastStream();
        RecordFilter selection = RecordFilter.of(filter);
        for (; i >= 0 && i < size && page.size() < maxCount; i += forward ? 1 : -1) {
            RecordedEvent event = selected(events.get(i), selection, previous);
            if (event != null) {
                page.add(event);
            }
        }
        boolean more = forward ? i < size : i >= 0;
        Optional<Position> next = Optional.empty();
        if (page.size() == maxCount && more) {
            long last = page.get(maxCount - 1).position().value();
            next = Optional.of(Position.of(forward ? last + 1 : last - 1));
        }
        return new AllSlice(page, next);
    }

    Optional<Position> head() {
        long size = index.events().size();
        return size == 0
                ? Optional.empty()
                : Optional.of(Position.of(index.events().get(size - 1)));
    }

    /** Pages for a subscription to all: events after position {@code after}. */
    PageSource pages(EventFilter filter) {
        RecordFilter selection = RecordFilter.of(filter);
        return (after, maxCount) -> {
            PositionList events = index.events();
            long size = events.size();
            long i = events.firstAtOrAfter(Math.max(after + 1, log.firstHeld()), size);
            long limit = Math.min(size, i + SCAN_LIMIT);
            List<RecordedEvent> page = new ArrayList<>();
            long scanned = after;
            LastStream previous = new LastStream();
            for (; i < limit && page.size() < maxCount; i++) {
                long position = events.get(i);
                RecordedEvent event = selected(position, selection, previous);
                if (event != null) {
                    page.add(event);
                }
                scanned = position;
            }
            return new PageSource.Page(page, scanned, i >= size);
        };
    }

    private long lastAtOrBefore(long position, long size) {
        if (position == Long.MAX_VALUE) {
            return size - 1;
        }
        return index.events().firstAtOrAfter(position + 1, size) - 1;
    }

    /**
     * The stream of the previous event of one read and its liveness: consecutive events are often of
     * one stream, and the liveness is taken once per read anyway (a read sees one moment).
     */
    private static final class LastStream {
        StreamName name;
        Liveness live;
    }

    /** The event at {@code position} if the selection takes it and it is live, else null. */
    private RecordedEvent selected(long position, RecordFilter selection, LastStream last) {
        if (!log.holds(position)) {
            return null;
        }
        LogRecord.Event event = (LogRecord.Event) log.read(position, selection);
        if (event == null) {
            return null;
        }
        if (!event.stream().equals(last.name)) {
            last.name = event.stream();
            last.live = Liveness.of(index.find(event.stream()), clock);
        }
        Liveness live = last.live;
        if (live.hidden() || !live.versionLive(event.version()) || !live.ageLive(event.recordedAt())) {
            return null;
        }
        return event.toRecordedEvent();
    }
}
