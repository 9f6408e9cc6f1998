package io.annal.command;

import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A state as the runtime holds it: the state, the version and id of the last event folded into
 * it, the expected version an append on top of it must use, and the version of the stream's
 * latest snapshot ({@code -1}: none) so that the policy can tell when the next one is due.
 * {@code fromCache} says the state was not read from the store just now and may be stale.
 */
record Loaded<S>(
        StreamName stream,
        S state,
        OptionalLong version,
        Optional<UUID> lastEventId,
        ExpectedVersion expected,
        long snapshotVersion,
        boolean fromCache) {

    Loaded<S> cached() {
        return new Loaded<>(stream, state, version, lastEventId, expected, snapshotVersion, true);
    }

    Loaded<S> withSnapshotVersion(long newSnapshotVersion) {
        return new Loaded<>(stream, state, version, lastEventId, expected, newSnapshotVersion, fromCache);
    }

    LoadedState<S> toPublic() {
        return new LoadedState<>(stream, state, version);
    }
}
