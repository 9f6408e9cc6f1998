package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.codec.EventCodec;
import io.annal.examples.Envelope;
import io.annal.http.PointInTime;
import io.annal.http.ReadModel;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A read model with one document per stream of a kind ({@code account-…}, {@code order-…}): kept
 * live in memory by folding each event into its stream's document, and answering temporal
 * questions by folding the stream itself up to the point asked.
 */
class FoldedReadModel<E, S> implements ReadModel, LiveProjection.Model {

    private final EventStore store;
    private final String prefix;
    private final EventCodec<E> codec;
    private final S initial;
    private final BiFunction<S, Envelope<E>, S> evolve;
    private final Predicate<S> exists;
    private final Function<S, JsonNode> render;
    final Map<String, S> documents = new ConcurrentHashMap<>();
    final LiveProjection projection;

    FoldedReadModel(
            String name,
            EventStore store,
            String prefix,
            EventCodec<E> codec,
            S initial,
            BiFunction<S, Envelope<E>, S> evolve,
            Predicate<S> exists,
            Function<S, JsonNode> render) {
        this.store = store;
        this.prefix = prefix;
        this.codec = codec;
        this.initial = initial;
        this.evolve = evolve;
        this.exists = exists;
        this.render = render;
        this.projection = new LiveProjection(name, store, EventFilter.streamPrefixes(prefix), this);
    }

    @Override
    public void apply(RecordedEvent event) {
        String key = event.stream().value().substring(prefix.length());
        Envelope<E> envelope = Envelope.of(event.version(), event.recordedAt(), codec.decodeEvent(event));
        documents.compute(key, (k, state) -> evolve.apply(state == null ? initial : state, envelope));
    }

    @Override
    public void reset() {
        documents.clear();
    }

    /** Drops the document of a deleted stream. */
    void forget(StreamName stream) {
        if (stream.startsWith(prefix)) {
            documents.remove(stream.value().substring(prefix.length()));
        }
    }

    @Override
    public Optional<JsonNode> find(String key) {
        return Optional.ofNullable(documents.get(key)).filter(exists).map(render);
    }

    @Override
    public Optional<JsonNode> findAt(String key, PointInTime at) {
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
                        return Optional.of(state).filter(exists).map(render);
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
        return Optional.of(state).filter(exists).map(render);
    }

    private static boolean isAfter(RecordedEvent event, PointInTime at) {
        return switch (at) {
            case PointInTime.AsOf asOf ->
                // times are shown to the millisecond, so an instant copied from a response must include that event
                event.recordedAt()
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                        .isAfter(asOf.instant());
            case PointInTime.AtVersion atVersion -> event.version() > atVersion.version();
        };
    }

    List<S> all() {
        return documents.values().stream().filter(exists).toList();
    }

    @Override
    public long position() {
        return projection.position();
    }

    @Override
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        return projection.awaitPosition(position, timeout);
    }
}
