package io.annal.store.embedded.internal.index;

import io.annal.store.StreamMetadata;
import java.time.Instant;
import java.util.Optional;

/**
 * A stream's state apart from its events, replaced as a whole so that readers see one consistent
 * value. {@code hiddenBefore} is where a soft delete left the stream: versions below it stay hidden
 * whatever metadata is set later.
 */
public record StreamStatus(
        StreamMetadata metadata, boolean deleted, long hiddenBefore, boolean tombstoned, Optional<Instant> lastWrite) {

    public static final StreamStatus NEW = new StreamStatus(StreamMetadata.none(), false, 0, false, Optional.empty());

    public StreamStatus withMetadata(StreamMetadata newMetadata) {
        return new StreamStatus(newMetadata, deleted, hiddenBefore, tombstoned, lastWrite);
    }

    public StreamStatus withDelete(StreamMetadata newMetadata, long newHiddenBefore) {
        return new StreamStatus(newMetadata, true, newHiddenBefore, tombstoned, lastWrite);
    }

    public StreamStatus withTombstone() {
        return new StreamStatus(metadata, deleted, hiddenBefore, true, lastWrite);
    }

    /** An event was written: a soft-deleted stream comes back. */
    public StreamStatus withWrite(Instant at) {
        return new StreamStatus(metadata, false, hiddenBefore, tombstoned, Optional.of(at));
    }

    /** The lowest version reads may return for a stream ending at {@code lastVersion}. */
    public long firstLiveVersion(long lastVersion) {
        return Math.max(metadata.firstKeptVersion(lastVersion), hiddenBefore);
    }
}
