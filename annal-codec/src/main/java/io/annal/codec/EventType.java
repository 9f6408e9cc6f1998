package io.annal.codec;

import io.annal.store.EventData;
import java.util.Objects;

/**
 * A stable event type name with a schema version. The name is what the store records as the
 * event's type; the version travels in the metadata (see {@link Metadata#SCHEMA_VERSION}).
 */
public record EventType(String name, int version) {

    public EventType {
        Objects.requireNonNull(name, "event type name");
        if (name.isBlank() || name.length() > EventData.MAX_TYPE_LENGTH) {
            throw new EventRegistrationException("an event type name must be 1 to " + EventData.MAX_TYPE_LENGTH
                    + " characters and not blank (got '" + name + "')");
        }
        if (version < 1) {
            throw new EventRegistrationException("schema versions start at 1 (got " + version + " for '" + name + "')");
        }
    }

    public static EventType of(String name, int version) {
        return new EventType(name, version);
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
