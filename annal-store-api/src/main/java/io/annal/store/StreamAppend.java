package io.annal.store;

import java.util.List;
import java.util.Objects;

/** One stream's part of an append: its expected version and its events, in order. */
public record StreamAppend(StreamName stream, ExpectedVersion expectedVersion, List<EventData> events) {

    public StreamAppend {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        events = List.copyOf(events);
    }

    public static StreamAppend of(StreamName stream, ExpectedVersion expectedVersion, List<EventData> events) {
        return new StreamAppend(stream, expectedVersion, events);
    }
}
