package io.annal.server;

import io.annal.codec.EventCodec;
import io.annal.examples.Envelope;
import io.annal.http.PointInTime;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Answers {@code asOf} and {@code atVersion} by folding one stream ({@code account-{key}}) up to
 * the point asked: the log itself, no stored read model.
 */
final class StreamFold<E, S> {

    private final EventStore store;
    private final String prefix;
    private final EventCodec<E> codec;
    private final S initial;
    private final BiFunction<S, Envelope<E>, S> evolve;
    private final Predicate<S> exists;

    StreamFold(
            EventStore store,
            String prefix,
            EventCodec<E> codec,
            S initial,
            BiFunction<S, Envelope<E>, S> evolve,
            Predicate<S> exists) {
        this.store = store;
        this.prefix = prefix;
        this.codec = codec;
        this.initial = initial;
        this.evolve = evolve;
        this.exists = exists;
    }

    /** The prefix that makes a key a stream name. */
    String prefix() {
        return prefix;
    }

    /** The state of stream {@code prefix + key} at {@code at}; empty when there was none then. */
    Optional<S> at(String key, PointInTime at) {
        StreamName stream;
        try {
            stream = StreamName.of(prefix + key);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        S state = initial;
        long from = 0;
        try {
            while (true) {
                StreamSlice slice = store.readStream(stream, from, Direction.FORWARD, StoreLimits.MAX_READ_COUNT);
                for (RecordedEvent event : slice.events()) {
                    if (isAfter(event, at)) {
                        return Optional.of(state).filter(exists);
                    }
                    state = evolve.apply(
                            state, Envelope.of(event.version(), event.recordedAt(), codec.decodeEvent(event)));
                }
                if (slice.next().isEmpty()) {
                    break;
                }
                from = slice.next().getAsLong();
            }
        } catch (StreamNotFoundException | StreamDeletedException e) {
            return Optional.empty();
        }
        return Optional.of(state).filter(exists);
    }

    private static boolean isAfter(RecordedEvent event, PointInTime at) {
        return switch (at) {
            case PointInTime.AsOf asOf ->
                // times are shown to the millisecond, so an instant copied from a response must include that event
                event.recordedAt().truncatedTo(ChronoUnit.MILLIS).isAfter(asOf.instant());
            case PointInTime.AtVersion atVersion -> event.version() > atVersion.version();
        };
    }
}
