package io.annal.process;

import java.util.Objects;

/** An input for the process instance {@code processId}, taken from a stored event. */
public record Correlated<E>(String processId, E event) {

    public Correlated {
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(event, "event");
        if (processId.isBlank()) {
            throw new IllegalArgumentException("a process id is not blank");
        }
    }

    public static <E> Correlated<E> of(String processId, E event) {
        return new Correlated<>(processId, event);
    }
}
