package io.annal.store.embedded;

import io.annal.store.Direction;
import io.annal.store.InvalidRequestException;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.embedded.internal.index.StoreIndex;
import io.annal.store.embedded.internal.index.StreamEntry;
import io.annal.store.embedded.internal.log.Log;
import io.annal.store.embedded.internal.log.LogRecord;
import io.annal.store.spi.PageSource;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads of one stream through its index: one record read per event, never a log scan. */
final class StreamReads {

    private final StoreIndex index;
    private final Log log;
    private final InstantSource clock;

    StreamReads(StoreIndex index, Log log, InstantSource clock) {
        this.index = index;
        this.log = log;
        this.clock = clock;
    }

    StreamSlice read(StreamName stream, long from, Direction direction, int maxCount) {
        if (maxCount < 1 || maxCount > StoreLimits.MAX_READ_COUNT) {
            throw new InvalidRequestException(
                    "maxCount must be 1 to " + StoreLimits.MAX_READ_COUNT + " (got " + maxCount + ")");
        }
        if (from < 0) {
            throw new InvalidRequestException("from must be 0 or more (got " + from + ")");
        }
        StreamEntry entry = existing(stream);
        Liveness live = Liveness.of(entry, clock);
        List<RecordedEvent> events = new ArrayList<>();
        OptionalLong next = OptionalLong.empty();
        boolean forward = direction == Direction.FORWARD;
        long step = forward ? 1 : -1;
        long start = forward ? Math.max(from, live.firstLive()) : Math.min(from, live.lastVersion());
        for (long v = start; live.versionLive(v); v += step) {
            RecordedEvent event = liveEvent(entry, v, live);
            if (event == null) {
                continue;
            }
            if (events.size() == maxCount) {
                next = OptionalLong.of(events.get(maxCount - 1).version() + step);
                break;
            }
            events.add(event);
        }
        return new StreamSlice(stream, events, live.lastVersion(), next);
    }

    /** Pages for a stream subscription: live events after version {@code after}. */
    PageSource pages(StreamName stream) {
        return (after, maxCount) -> {
            StreamEntry entry = index.find(stream);
            if (entry == null || entry.count() == 0 && !entry.status().tombstoned()) {
                return new PageSource.Page(List.of(), after, true);
            }
            if (entry.status().tombstoned()) {
                throw new StreamDeletedException(stream);
            }
            Liveness live = Liveness.of(entry, clock);
            List<RecordedEvent> events = new ArrayList<>();
            long v = Math.max(after + 1, live.firstLive());
            for (; !live.hidden() && v <= live.lastVersion() && events.size() < maxCount; v++) {
                RecordedEvent event = liveEvent(entry, v, live);
                if (event != null) {
                    events.add(event);
                }
            }
            boolean end = live.hidden() || v > live.lastVersion();
            long scanned =
                    events.isEmpty() ? after : events.get(events.size() - 1).version();
            return new PageSource.Page(events, scanned, end);
        };
    }

    private StreamEntry existing(StreamName stream) {
        StreamEntry entry = index.find(stream);
        if (entry == null || !entry.isKnown()) {
            throw new StreamNotFoundException(stream);
        }
        if (entry.status().tombstoned()) {
            throw new StreamDeletedException(stream);
        }
        if (entry.count() == 0 || entry.status().deleted()) {
            throw new StreamNotFoundException(stream);
        }
        return entry;
    }

    /** The event if it is live; null when retention hides it or a scavenge reclaimed it. */
    private RecordedEvent liveEvent(StreamEntry entry, long version, Liveness live) {
        long position = entry.positionOf(version);
        if (!log.holds(position)) {
            return null;
        }
        LogRecord.Event event = (LogRecord.Event) log.read(position);
        return live.ageLive(event.recordedAt()) ? event.toRecordedEvent() : null;
    }
}
