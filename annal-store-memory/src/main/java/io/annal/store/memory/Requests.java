package io.annal.store.memory;

import io.annal.store.EventData;
import io.annal.store.EventTooLargeException;
import io.annal.store.InvalidRequestException;
import io.annal.store.StoreLimits;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks of a request's shape, made before the store looks at its state. */
final class Requests {

    private Requests() {}

    static void checkAppend(List<StreamAppend> parts) {
        if (parts.isEmpty()) {
            throw new InvalidRequestException("an atomic append needs at least one stream part");
        }
        Set<StreamName> streams = new HashSet<>();
        for (StreamAppend part : parts) {
            if (!streams.add(part.stream())) {
                throw new InvalidRequestException("stream '" + part.stream()
                        + "' appears twice in one atomic append; put all its events in one part");
            }
            checkEvents(part.stream(), part.events());
        }
    }

    private static void checkEvents(StreamName stream, List<EventData> events) {
        if (events.isEmpty()) {
            throw new InvalidRequestException("append to stream '" + stream + "' has no events; send at least one");
        }
        Set<UUID> ids = new HashSet<>();
        for (EventData event : events) {
            if (!ids.add(event.id())) {
                throw new InvalidRequestException("append to stream '" + stream + "' repeats event id " + event.id()
                        + "; every event needs its own id");
            }
            if (event.size() > StoreLimits.MAX_EVENT_SIZE) {
                throw new EventTooLargeException(event.id(), event.size(), StoreLimits.MAX_EVENT_SIZE);
            }
        }
    }

    static void checkRead(long from, int maxCount) {
        if (from < 0) {
            throw new InvalidRequestException("a read starts at version 0 or more (got " + from + ")");
        }
        checkCount(maxCount);
    }

    static void checkCount(int maxCount) {
        if (maxCount < 1 || maxCount > StoreLimits.MAX_READ_COUNT) {
            throw new InvalidRequestException(
                    "maxCount must be 1 to " + StoreLimits.MAX_READ_COUNT + " (got " + maxCount + ")");
        }
    }
}
