package io.annal.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * Brings the data of an event stored as {@link #from()} to the shape of {@link #to()}, at read
 * time, on the JSON tree before it is bound. Upcasters chain: {@code Deposited v1 → v2 → v3}, and
 * a step may rename the type ({@code Credited v1 → Deposited v2}). Stored events are never
 * rewritten.
 */
public interface Upcaster {

    EventType from();

    EventType to();

    /**
     * Returns the data in the shape of {@link #to()}. It may change and return {@code data} itself,
     * which is a private copy; it must not return null.
     */
    ObjectNode upcast(ObjectNode data);

    /** One step of the same type, from {@code fromVersion} to {@code fromVersion + 1}. */
    static Upcaster of(String type, int fromVersion, UnaryOperator<ObjectNode> step) {
        return new StepUpcaster(EventType.of(type, fromVersion), EventType.of(type, fromVersion + 1), step);
    }

    /** A step from any type and version to any other, for a rename together with a change of shape. */
    static Upcaster of(EventType from, EventType to, UnaryOperator<ObjectNode> step) {
        return new StepUpcaster(from, to, step);
    }

    /** A rename that keeps the data as it is. */
    static Upcaster rename(EventType from, EventType to) {
        return new StepUpcaster(from, to, UnaryOperator.identity());
    }
}
