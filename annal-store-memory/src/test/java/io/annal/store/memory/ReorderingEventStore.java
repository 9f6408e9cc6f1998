package io.annal.store.memory;

import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.ForwardingEventStore;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Broken on purpose: every page it reads comes back with its first two events swapped. */
final class ReorderingEventStore extends ForwardingEventStore {

    ReorderingEventStore(EventStore delegate) {
        super(delegate);
    }

    @Override
    public StreamSlice readStream(StreamName stream, long from, Direction direction, int maxCount) {
        StreamSlice slice = super.readStream(stream, from, direction, maxCount);
        return new StreamSlice(slice.stream(), swapped(slice.events()), slice.lastVersion(), slice.next());
    }

    @Override
    public AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter) {
        AllSlice slice = super.readAll(from, direction, maxCount, filter);
        return new AllSlice(swapped(slice.events()), slice.next());
    }

    private static List<RecordedEvent> swapped(List<RecordedEvent> events) {
        List<RecordedEvent> copy = new ArrayList<>(events);
        if (copy.size() > 1) {
            Collections.swap(copy, 0, 1);
        }
        return copy;
    }
}
