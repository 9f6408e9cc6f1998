package io.annal.store.postgres;

import io.annal.store.EventData;
import io.annal.store.InvalidRequestException;
import io.annal.store.StoreLimits;
import io.annal.store.StreamAppend;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The checks on a request's shape that need no database: bad input fails before it is queued. */
final class Requests {

    private Requests() {}

    static List<StreamAppend> checkAppends(List<StreamAppend> parts) {
        Objects.requireNonNull(parts, "appends");
        if (parts.isEmpty()) {
            throw new InvalidRequestException("an atomic append needs at least one stream part");
        }
        Set<String> streams = new HashSet<>();
        for (StreamAppend part : parts) {
            Objects.requireNonNull(part, "stream append");
            if (!streams.add(part.stream().value())) {
                throw new InvalidRequestException("an atomic append names stream '" + part.stream()
                        + "' twice; put all of its events in one part");
            }
            checkEvents(part);
        }
        return List.copyOf(parts);
    }

    private static void checkEvents(StreamAppend part) {
        List<EventData> events = part.events();
        if (events.isEmpty()) {
            throw new InvalidRequestException("an append to stream '" + part.stream() + "' has no events");
        }
        Set<UUID> ids = new HashSet<>();
        for (EventData event : events) {
            Objects.requireNonNull(event, "event");
            if (!ids.add(event.id())) {
                throw new InvalidRequestException("an append to stream '" + part.stream() + "' contains event id "
                        + event.id() + " twice; every event needs its own id");
            }
        }
    }

    static void checkMaxCount(int maxCount) {
        if (maxCount < 1 || maxCount > StoreLimits.MAX_READ_COUNT) {
            throw new InvalidRequestException(
                    "maxCount must be 1 to " + StoreLimits.MAX_READ_COUNT + " (got " + maxCount + ")");
        }
    }

    static void checkFrom(long from) {
        if (from < 0) {
            throw new InvalidRequestException("a read starts at version 0 or more (got " + from + ")");
        }
    }

    static void checkLimit(int limit) {
        if (limit < 1) {
            throw new InvalidRequestException("limit must be 1 or more (got " + limit + ")");
        }
    }
}
