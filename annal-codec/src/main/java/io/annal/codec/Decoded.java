package io.annal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What {@link EventCodec#decode} read: a typed event, or, when the codec passes unknown types
 * through, the raw JSON of an event it does not know.
 *
 * @param <E> the codec's event type
 */
public sealed interface Decoded<E> {

    /** The type after upcasting (for an unknown event, as stored). */
    EventType type();

    Metadata metadata();

    /** A registered type, upcast to its current version and bound. */
    record Known<E>(E event, EventType type, Metadata metadata) implements Decoded<E> {
        public Known {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /** A type the codec does not know, kept as stored so that nothing is lost. */
    record Unknown<E>(EventType type, JsonNode data, Metadata metadata) implements Decoded<E> {
        public Unknown {
            Objects.requireNonNull(type, "type");
            data = data.deepCopy();
            Objects.requireNonNull(metadata, "metadata");
        }

        /** A copy of the stored data. */
        @Override
        public JsonNode data() {
            return data.deepCopy();
        }
    }
}
