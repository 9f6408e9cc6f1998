package io.annal.store;

import java.util.UUID;

/** One event's data plus metadata exceeded {@link StoreLimits#MAX_EVENT_SIZE}: nothing was appended. */
public final class EventTooLargeException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int limit;

    public EventTooLargeException(UUID eventId, int size, int limit) {
        super("event " + eventId + " has " + size + " bytes of data and metadata; the limit is " + limit
                + " bytes: store large payloads elsewhere and reference them from the event");
        this.size = size;
        this.limit = limit;
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}
