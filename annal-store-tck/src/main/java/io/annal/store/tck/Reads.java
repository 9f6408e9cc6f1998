package io.annal.store.tck;

import io.annal.store.AllReader;
import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.StreamReader;
import io.annal.store.StreamSlice;
import java.util.ArrayList;
import java.util.List;

/** Whole reads, page by page through {@code next}, for checking what a store holds. */
final class Reads {

    static final int PAGE = 100;

    private Reads() {}

    static List<RecordedEvent> all(AllReader store) {
        return all(store, Direction.FORWARD, PAGE, EventFilter.all());
    }

    static List<RecordedEvent> all(AllReader store, Direction direction, int pageSize, EventFilter filter) {
        List<RecordedEvent> events = new ArrayList<>();
        Position from = direction == Direction.FORWARD ? Position.START : Position.of(Long.MAX_VALUE);
        while (true) {
            AllSlice slice = store.readAll(from, direction, pageSize, filter);
            events.addAll(slice.events());
            if (slice.next().isEmpty()) {
                return events;
            }
            from = slice.next().get();
        }
    }

    static List<RecordedEvent> stream(StreamReader store, StreamName stream) {
        return stream(store, stream, Direction.FORWARD, PAGE);
    }

    static List<RecordedEvent> stream(StreamReader store, StreamName stream, Direction direction, int pageSize) {
        List<RecordedEvent> events = new ArrayList<>();
        long from = direction == Direction.FORWARD ? 0 : Long.MAX_VALUE;
        while (true) {
            StreamSlice slice = store.readStream(stream, from, direction, pageSize);
            events.addAll(slice.events());
            if (slice.next().isEmpty()) {
                return events;
            }
            from = slice.next().getAsLong();
        }
    }

    static List<Long> positions(List<RecordedEvent> events) {
        return events.stream().map(e -> e.position().value()).toList();
    }

    static List<Long> versions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::version).toList();
    }
}
