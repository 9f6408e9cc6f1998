package io.annal.command;

/** When the runtime saves a snapshot of a stream's state. */
@FunctionalInterface
public interface SnapshotPolicy {

    /** Every 200 events, unless a decider says otherwise. */
    int DEFAULT_EVERY = 200;

    /** Whether a snapshot is due, {@code eventsSinceSnapshot} events after the last one (or the start). */
    boolean isDue(long eventsSinceSnapshot);

    /** A snapshot once at least {@code events} events have been added since the last one. */
    static SnapshotPolicy everyEvents(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("a snapshot interval is 1 event or more (got " + events + ")");
        }
        return since -> since >= events;
    }

    static SnapshotPolicy never() {
        return since -> false;
    }
}
