package io.annal.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to append: its id (the idempotency key), its type, and its data and metadata as bytes,
 * by convention UTF-8 JSON (metadata a JSON object, see {@link MetadataKeys}). The arrays are
 * copied on the way in; treat what the accessors return as read-only.
 */
public record EventData(UUID id, String type, byte[] data, byte[] metadata) {

    /** The longest event type, in characters. */
    public static final int MAX_TYPE_LENGTH = 256;

    private static final byte[] NONE = new byte[0];

    public EventData {
        Objects.requireNonNull(id, "event id");
        Objects.requireNonNull(type, "event type");
        if (type.isBlank() || type.length() > MAX_TYPE_LENGTH) {
            throw new InvalidRequestException("an event type must be 1 to " + MAX_TYPE_LENGTH
                    + " characters and not blank (got " + type.length() + " characters)");
        }
        data = data == null ? NONE : data.clone();
        metadata = metadata == null ? NONE : metadata.clone();
    }

    public static EventData of(UUID id, String type, byte[] data, byte[] metadata) {
        return new EventData(id, type, data, metadata);
    }

    /** An event with a new random id and no metadata. */
    public static EventData of(String type, byte[] data) {
        return new EventData(EventIds.next(), type, data, NONE);
    }

    /** An event whose data is the given JSON text, with a new random id and no metadata. */
    public static EventData json(String type, String json) {
        return of(type, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes of data plus metadata: what the store's event size limit counts. */
    public int size() {
        return data.length + metadata.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventData other
                && id.equals(other.id)
                && type.equals(other.type)
                && Arrays.equals(data, other.data)
                && Arrays.equals(metadata, other.metadata);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "EventData[" + type + " " + id + ", " + data.length + " B data, " + metadata.length + " B metadata]";
    }
}
