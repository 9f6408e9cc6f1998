package io.annal.projection;

import io.annal.domain.View;
import io.annal.store.Direction;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamReader;
import io.annal.store.StreamSlice;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A view folded from one stream on demand, with nothing stored: for temporal queries ({@code
 * ?asOf=}, {@code ?atVersion=}) and views small enough to compute per request.
 */
public final class LiveView {

    private static final int PAGE = 512;

    private LiveView() {}

    /** The view of the whole stream; the initial state when the stream does not exist. */
    public static <E, S> S load(
            StreamReader reader, StreamName stream, View<E, S> view, Function<RecordedEvent, E> decoder) {
        return fold(reader, stream, view, decoder, event -> true);
    }

    /** The view as it was once the event with {@code version} had been applied. */
    public static <E, S> S atVersion(
            StreamReader reader, StreamName stream, View<E, S> view, Function<RecordedEvent, E> decoder, long version) {
        return fold(reader, stream, view, decoder, event -> event.version() <= version);
    }

    /** The view as it was at {@code instant}: the events recorded at or before it. */
    public static <E, S> S asOf(
            StreamReader reader,
            StreamName stream,
            View<E, S> view,
            Function<RecordedEvent, E> decoder,
            Instant instant) {
        return fold(reader, stream, view, decoder, event -> !event.recordedAt().isAfter(instant));
    }

    private static <E, S> S fold(
            StreamReader reader,
            StreamName stream,
            View<E, S> view,
            Function<RecordedEvent, E> decoder,
            Predicate<RecordedEvent> included) {
        S state = view.initialState();
        long from = 0;
        try {
            while (true) {
                StreamSlice slice = reader.readStream(stream, from, Direction.FORWARD, PAGE);
                for (RecordedEvent event : slice.events()) {
                    if (!included.test(event)) {
                        return state;
                    }
                    state = view.evolve(state, decoder.apply(event));
                }
                if (slice.next().isEmpty()) {
                    return state;
                }
                from = slice.next().getAsLong();
            }
        } catch (StreamNotFoundException e) {
            return state;
        }
    }
}
