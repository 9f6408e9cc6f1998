package io.annal.store.spi;

import io.annal.store.RecordedEvent;
import java.util.List;

/**
 * Reads the next page for a subscription: up to {@code maxCount} events strictly after {@code
 * after} (a position or a version; -1 for "from the very start"). Returns the events and how far
 * the read looked, so that a filtered subscription can move its checkpoint past events it skipped.
 */
@FunctionalInterface
public interface PageSource {

    Page next(long after, int maxCount);

    /**
     * A page: {@code events} in order, and {@code scannedTo}, the last point the read covered
     * (at least the point of the last event, -1 if nothing was covered yet). {@code endReached}
     * tells whether the read got to the end of what is currently readable.
     */
    record Page(List<RecordedEvent> events, long scannedTo, boolean endReached) {
        public Page {
            events = List.copyOf(events);
        }
    }
}
