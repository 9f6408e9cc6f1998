package io.annal.store.tck;

import io.annal.store.Direction;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** One step of a random sequence run against the store and the model. Streams are numbered 0 to 3. */
sealed interface Operation {

    /** How an operation states its expected version, resolved against the model when it runs. */
    enum Expectation {
        ANY,
        NO_STREAM,
        EXISTS,
        EXACT_LAST,
        EXACT_STALE,
        EXACT_AHEAD
    }

    record Append(int stream, Expectation expected, int count) implements Operation {}

    /** Sends the stream's last batch again, whole or in part. */
    record Retry(int stream, Expectation expected, boolean partial) implements Operation {}

    record Delete(int stream, Expectation expected) implements Operation {}

    record Tombstone(int stream) implements Operation {}

    /** Sets retention: {@code maxCount} 0, {@code truncateBefore} -1 and {@code maxAgeMinutes} 0 mean unbounded. */
    record Retain(int stream, int maxCount, int truncateBefore, int maxAgeMinutes) implements Operation {}

    /** Moves the store's clock on, so that events age. */
    record Tick(int minutes) implements Operation {}

    record ReadStream(int stream, int from, Direction direction, int maxCount) implements Operation {}

    record ReadAll(Direction direction, int pageSize) implements Operation {}

    static Arbitrary<List<Operation>> sequences() {
        Arbitrary<Integer> streams = Arbitraries.integers().between(0, 3);
        Arbitrary<Expectation> expectations = Arbitraries.of(Expectation.class);
        Arbitrary<Direction> directions = Arbitraries.of(Direction.class);
        Arbitrary<Operation> append = Combinators.combine(
                        streams, expectations, Arbitraries.integers().between(1, 4))
                .as(Append::new);
        Arbitrary<Operation> retry = Combinators.combine(streams, expectations, Arbitraries.of(true, false))
                .as(Retry::new);
        Arbitrary<Operation> delete = Combinators.combine(streams, expectations).as(Delete::new);
        Arbitrary<Operation> tombstone = streams.map(Tombstone::new);
        Arbitrary<Operation> retain = Combinators.combine(
                        streams,
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(-1, 8),
                        Arbitraries.of(0, 0, 30, 90))
                .as(Retain::new);
        Arbitrary<Operation> tick = Arbitraries.integers().between(1, 60).map(Tick::new);
        Arbitrary<Operation> readStream = Combinators.combine(
                        streams,
                        Arbitraries.integers().between(0, 12),
                        directions,
                        Arbitraries.integers().between(1, 5))
                .as(ReadStream::new);
        Arbitrary<Operation> readAll = Combinators.combine(
                        directions, Arbitraries.integers().between(1, 7))
                .as(ReadAll::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(12, append),
                        Tuple.of(4, retry),
                        Tuple.of(2, delete),
                        Tuple.of(1, tombstone),
                        Tuple.of(2, retain),
                        Tuple.of(4, readStream),
                        Tuple.of(2, readAll),
                        Tuple.of(2, tick))
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }
}
