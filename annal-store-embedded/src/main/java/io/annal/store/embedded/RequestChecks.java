package io.annal.store.embedded;

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

/** Checks that need no stream state, done on the caller's thread to keep the appender lean. */
final class RequestChecks {

    private RequestChecks() {}

    static void check(List<StreamAppend> parts) {
        if (parts.isEmpty()) {
            throw new InvalidRequestException("an atomic append needs at least one part");
        }
        if (parts.size() == 1) {
            checkEvents(parts.get(0));
            return;
        }
        Set<StreamName> streams = new HashSet<>();
        for (StreamAppend part : parts) {
            if (!streams.add(part.stream())) {
                throw new InvalidRequestException(
                        "stream '" + part.stream() + "' appears twice in one atomic append: merge its parts");
            }
            checkEvents(part);
        }
    }

    private static void checkEvents(StreamAppend part) {
        List<EventData> events = part.events();
        if (events.isEmpty()) {
            throw new InvalidRequestException("an append to '" + part.stream() + "' needs at least one event");
        }
        // most appends carry one event: no set to build for them
        Set<UUID> ids = events.size() == 1 ? Set.of() : new HashSet<>();
        for (EventData event : events) {
            if (events.size() > 1 && !ids.add(event.id())) {
                throw new InvalidRequestException(
                        "event id " + event.id() + " appears twice in one append to '" + part.stream() + "'");
            }
            if (event.size() > StoreLimits.MAX_EVENT_SIZE) {
                throw new EventTooLargeException(event.id(), event.size(), StoreLimits.MAX_EVENT_SIZE);
            }
        }
    }
}
