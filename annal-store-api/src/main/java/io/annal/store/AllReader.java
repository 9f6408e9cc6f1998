package io.annal.store;

import java.util.Optional;

/** Reads every stream together, in the global order. */
public interface AllReader {

    /**
     * Reads up to {@code maxCount} events selected by {@code filter}, starting at {@code from}
     * (inclusive) in {@code direction}. Backward from {@code Position.of(Long.MAX_VALUE)} starts at
     * the last event. Events of deleted streams and outside retention bounds are skipped.
     *
     * @throws InvalidRequestException {@code maxCount} is outside 1 to {@link StoreLimits#MAX_READ_COUNT}
     */
    AllSlice readAll(Position from, Direction direction, int maxCount, EventFilter filter);

    /** The position of the last event appended, empty when the store is empty. */
    Optional<Position> headPosition();
}
