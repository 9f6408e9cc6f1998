package io.annal.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Decider} answers: the events to append (possibly none, when the command is valid
 * but changes nothing), or a {@link Rejection} that appends nothing.
 *
 * @param <E> the event type
 */
public sealed interface Decision<E> {

    /** Accepts the command with the given events, in order. */
    @SafeVarargs
    static <E> Decision<E> accept(E... events) {
        return new Accepted<>(List.of(events));
    }

    /** Accepts the command with the given events, in order. */
    static <E> Decision<E> accept(List<? extends E> events) {
        return new Accepted<>(List.copyOf(events));
    }

    /** Rejects the command: {@code code} names the rule, {@code message} explains it to a person. */
    static <E> Decision<E> reject(String code, String message) {
        return new Rejected<>(Rejection.of(code, message));
    }

    /** Rejects the command. */
    static <E> Decision<E> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    /** The command was accepted; {@code events} may be empty. */
    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** The command broke a rule of the domain. */
    record Rejected<E>(Rejection rejection) implements Decision<E> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
