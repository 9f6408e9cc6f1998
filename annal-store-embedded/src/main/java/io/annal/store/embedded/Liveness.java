package io.annal.store.embedded;

import io.annal.store.embedded.internal.index.StreamEntry;
import io.annal.store.embedded.internal.index.StreamStatus;
import java.time.Instant;
import java.time.InstantSource;

/** Which events of a stream reads may return, at one moment: retention, deletes and tombstones. */
record Liveness(long firstLive, long lastVersion, Instant oldestKept, boolean hidden) {

    static Liveness of(StreamEntry entry, InstantSource clock) {
        StreamStatus status = entry.status();
        long last = entry.count() - 1L;
        Instant oldest = status.metadata()
                .maxAge()
                .map(age -> clock.instant().minus(age))
                .orElse(Instant.MIN);
        return new Liveness(status.firstLiveVersion(last), last, oldest, status.deleted() || status.tombstoned());
    }

    boolean versionLive(long version) {
        return version >= firstLive && version <= lastVersion;
    }

    boolean ageLive(Instant recordedAt) {
        return !recordedAt.isBefore(oldestKept);
    }
}
