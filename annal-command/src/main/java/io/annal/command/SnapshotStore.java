package io.annal.command;

import io.annal.store.EventStore;
import io.annal.store.StreamName;
import java.util.Optional;

/**
 * Keeps the latest snapshot of each stream. A cache, never the truth: {@link #load} may return
 * an old, missing or unreadable snapshot and the runtime still builds the right state.
 */
public interface SnapshotStore {

    /** The latest snapshot of {@code stream}, empty when there is none or it cannot be read. */
    Optional<Snapshot> load(StreamName stream);

    /** Saves {@code snapshot} as the latest of {@code stream}. */
    void save(StreamName stream, Snapshot snapshot);

    /**
     * Snapshots kept in {@code store} itself, one system stream per stream ({@code
     * $snapshot-<stream>}) that keeps only its last event: works with every backend.
     */
    static SnapshotStore inEventStore(EventStore store) {
        return new StreamSnapshotStore(store);
    }
}
