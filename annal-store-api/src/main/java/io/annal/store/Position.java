package io.annal.store;

/**
 * A place in the global order of all events. Positions strictly increase in commit order; they
 * need not be contiguous (a backend may leave gaps).
 */
public record Position(long value) implements Comparable<Position> {

    /** Before the first event: reading from here reads everything. */
    public static final Position START = new Position(0);

    public Position {
        if (value < 0) {
            throw new IllegalArgumentException("a position is 0 or more (got " + value + ")");
        }
    }

    public static Position of(long value) {
        return new Position(value);
    }

    public boolean isAfter(Position other) {
        return value > other.value;
    }

    @Override
    public int compareTo(Position other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
