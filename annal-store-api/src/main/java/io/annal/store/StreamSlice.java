package io.annal.store;

import java.util.List;
import java.util.OptionalLong;

/**
 * A page of one stream. {@code lastVersion} is the stream's last version at the time of the read;
 * {@code next} is the version to read from for the following page, empty when there is none.
 */
public record StreamSlice(StreamName stream, List<RecordedEvent> events, long lastVersion, OptionalLong next) {

    public StreamSlice {
        events = List.copyOf(events);
    }
}
