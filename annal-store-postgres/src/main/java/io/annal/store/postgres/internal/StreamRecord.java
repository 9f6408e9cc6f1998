package io.annal.store.postgres.internal;

import io.annal.store.StreamName;
import io.annal.store.StreamState;
import java.util.Optional;

/**
 * A stream's row as a batch sees it: loaded under lock at the start of the transaction, then
 * updated in memory as the batch's appends are accepted.
 */
final class StreamRecord {

    final StreamName name;
    /** Empty for a name that was never written nor tombstoned. */
    Optional<StreamState> state;
    /** -1 when nothing was ever written. */
    long lastVersion;

    boolean written;

    StreamRecord(StreamName name, Optional<StreamState> state, long lastVersion) {
        this.name = name;
        this.state = state;
        this.lastVersion = lastVersion;
    }

    static StreamRecord absent(StreamName name) {
        return new StreamRecord(name, Optional.empty(), -1);
    }

    boolean isTombstoned() {
        return state.equals(Optional.of(StreamState.TOMBSTONED));
    }

    /** The last live version, empty when the stream does not exist (never written, or soft-deleted). */
    Optional<Long> current() {
        return state.equals(Optional.of(StreamState.LIVE)) ? Optional.of(lastVersion) : Optional.empty();
    }

    /** The last version ever written, which survives a soft delete. */
    Optional<Long> lastWritten() {
        return lastVersion < 0 ? Optional.empty() : Optional.of(lastVersion);
    }
}
