package io.annal.command;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A stream's state saved after the event at {@code streamVersion}, whose id was {@code eventId}:
 * the id lets a reader check that the stream still holds that event (it may have been deleted
 * and re-created since). {@code schemaVersion} names the shape of {@code state}; a loader that
 * expects another shape ignores the snapshot.
 */
public record Snapshot(long streamVersion, UUID eventId, int schemaVersion, byte[] state) {

    public Snapshot {
        Objects.requireNonNull(eventId, "eventId");
        if (streamVersion < 0) {
            throw new IllegalArgumentException("a snapshot follows version 0 or more (got " + streamVersion + ")");
        }
        state = state.clone();
    }

    public static Snapshot of(long streamVersion, UUID eventId, int schemaVersion, byte[] state) {
        return new Snapshot(streamVersion, eventId, schemaVersion, state);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot other
                && streamVersion == other.streamVersion
                && eventId.equals(other.eventId)
                && schemaVersion == other.schemaVersion
                && Arrays.equals(state, other.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamVersion, eventId, schemaVersion);
    }

    @Override
    public String toString() {
        return "Snapshot[v" + streamVersion + " after " + eventId + ", schema " + schemaVersion + ", " + state.length
                + " B]";
    }
}
