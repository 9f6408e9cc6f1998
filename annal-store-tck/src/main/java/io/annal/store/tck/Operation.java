package io.annal.store.tck;

import io.annal.store.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /** The most operations in one random sequence. */
    int MAX_LENGTH = 40;

    /** A random sequence of 1 to {@link #MAX_LENGTH} operations, weighted towards appends. */
    static List<Operation> randomSequence(Random random) {
        int length = 1 + random.nextInt(MAX_LENGTH);
        List<Operation> operations = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            operations.add(randomOperation(random));
        }
        return operations;
    }

    private static Operation randomOperation(Random r) {
        int stream = r.nextInt(4);
        Expectation expected = oneOf(r, Expectation.values());
        Direction direction = oneOf(r, Direction.values());
        // Weights: append 12, retry 4, read stream 4, delete 2, retain 2, read all 2, tick 2, tombstone 1.
        int pick = r.nextInt(29);
        if (pick < 12) {
            return new Append(stream, expected, between(r, 1, 4));
        } else if (pick < 16) {
            return new Retry(stream, expected, r.nextBoolean());
        } else if (pick < 20) {
            return new ReadStream(stream, between(r, 0, 12), direction, between(r, 1, 5));
        } else if (pick < 22) {
            return new Delete(stream, expected);
        } else if (pick < 24) {
            return new Retain(stream, between(r, 0, 4), between(r, -1, 8), oneOf(r, new Integer[] {0, 0, 30, 90}));
        } else if (pick < 26) {
            return new ReadAll(direction, between(r, 1, 7));
        } else if (pick < 28) {
            return new Tick(between(r, 1, 60));
        }
        return new Tombstone(stream);
    }

    private static int between(Random r, int min, int max) {
        return min + r.nextInt(max - min + 1);
    }

    private static <T> T oneOf(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
