package io.annal.store;

import java.util.List;
import java.util.Optional;

/**
 * A page of the global order. {@code next} is the position to read from for the following page,
 * empty when the read reached the end (forward: the head at the time; backward: the start).
 */
public record AllSlice(List<RecordedEvent> events, Optional<Position> next) {

    public AllSlice {
        events = List.copyOf(events);
    }
}
