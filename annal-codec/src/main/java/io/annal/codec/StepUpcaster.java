package io.annal.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** The upcaster behind {@link Upcaster}'s factories: a function from one type to another. */
record StepUpcaster(EventType from, EventType to, UnaryOperator<ObjectNode> step) implements Upcaster {

    StepUpcaster {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (from.equals(to)) {
            throw new EventRegistrationException("an upcaster must lead from " + from + " to another type or version");
        }
    }

    @Override
    public ObjectNode upcast(ObjectNode data) {
        return step.apply(data);
    }

    @Override
    public String toString() {
        return "Upcaster[" + from + " -> " + to + "]";
    }
}
