package io.annal.command;

import java.util.Objects;

/**
 * How one decider's states are snapshotted: where, in which shape ({@code schemaVersion}: bump it
 * whenever the serialized state changes shape, and older snapshots are ignored) and when.
 */
record SnapshotSettings<S>(
        SnapshotStore store, StateSerializer<S> serializer, int schemaVersion, SnapshotPolicy policy) {

    SnapshotSettings {
        Objects.requireNonNull(store, "snapshot store");
        Objects.requireNonNull(serializer, "state serializer");
        Objects.requireNonNull(policy, "snapshot policy");
    }
}
