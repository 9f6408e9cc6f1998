package io.annal.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an append landed: the versions and global positions of its first and last events. {@code
 * duplicate} is true when every event was already in the stream at that place, so nothing was
 * appended and this is the original result. {@code recordedAt} is the time every event of the
 * append was recorded with, as a read returns it; empty when the store does not know it without a
 * read (a duplicate, for instance). Equality is where the append landed and whether it was a
 * duplicate: {@code recordedAt} is left out, so a retry's result equals the original's whether or
 * not its store knew the time.
 */
public record AppendResult(
        StreamName stream,
        long firstVersion,
        long lastVersion,
        Position firstPosition,
        Position lastPosition,
        boolean duplicate,
        Optional<Instant> recordedAt) {

    public AppendResult {
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A result without its recording time. */
    public AppendResult(
            StreamName stream,
            long firstVersion,
            long lastVersion,
            Position firstPosition,
            Position lastPosition,
            boolean duplicate) {
        this(stream, firstVersion, lastVersion, firstPosition, lastPosition, duplicate, Optional.empty());
    }

    /** This result with the time its events were recorded with. */
    public AppendResult withRecordedAt(Instant at) {
        return new AppendResult(
                stream, firstVersion, lastVersion, firstPosition, lastPosition, duplicate, Optional.of(at));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppendResult other
                && firstVersion == other.firstVersion
                && lastVersion == other.lastVersion
                && duplicate == other.duplicate
                && stream.equals(other.stream)
                && firstPosition.equals(other.firstPosition)
                && lastPosition.equals(other.lastPosition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stream, firstVersion, lastVersion, firstPosition, lastPosition, duplicate);
    }

    public int count() {
        return (int) (lastVersion - firstVersion + 1);
    }
}
