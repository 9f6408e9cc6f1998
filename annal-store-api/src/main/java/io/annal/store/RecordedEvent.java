package io.annal.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as stored: where it is in its stream ({@code version}, from 0) and in the global order
 * ({@code position}), and when it was recorded. Stores hand out their own arrays without copying;
 * treat {@code data} and {@code metadata} as read-only.
 */
public record RecordedEvent(
        StreamName stream,
        long version,
        Position position,
        UUID id,
        String type,
        byte[] data,
        byte[] metadata,
        Instant recordedAt) {

    public RecordedEvent {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (version < 0) {
            throw new IllegalArgumentException("a version is 0 or more (got " + version + ")");
        }
    }

    /** The data as text (events are UTF-8 JSON by convention). */
    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The metadata as text (a UTF-8 JSON object by convention). */
    public String metadataAsString() {
        return new String(metadata, StandardCharsets.UTF_8);
    }

    /** The event as it was appended. */
    public EventData toEventData() {
        return new EventData(id, type, data, metadata);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedEvent other
                && version == other.version
                && stream.equals(other.stream)
                && position.equals(other.position)
                && id.equals(other.id)
                && type.equals(other.type)
                && Arrays.equals(data, other.data)
                && Arrays.equals(metadata, other.metadata)
                && recordedAt.equals(other.recordedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stream, version, position);
    }

    @Override
    public String toString() {
        return "RecordedEvent[" + stream + "@" + version + " pos " + position + " " + type + " " + id + "]";
    }
}
