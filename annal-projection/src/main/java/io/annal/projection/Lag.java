package io.annal.projection;

import io.annal.store.AllReader;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.time.InstantSource;
import java.util.List;

/**
 * How far a read model is behind the log: in positions ({@code head − applied}), and in time (the
 * age of the oldest event it has not applied yet, 0 when caught up).
 */
record Lag(long events, long millis) {

    static Lag of(AllReader reader, EventFilter filter, long applied, InstantSource clock) {
        long head = reader.headPosition().map(Position::value).orElse(-1L);
        long events = Math.max(0, head - applied);
        if (events == 0) {
            return new Lag(0, 0);
        }
        List<RecordedEvent> next = reader.readAll(Position.of(applied + 1), Direction.FORWARD, 1, filter)
                .events();
        long millis = next.isEmpty()
                ? 0
                : Math.max(0, clock.millis() - next.getFirst().recordedAt().toEpochMilli());
        return new Lag(events, millis);
    }
}
