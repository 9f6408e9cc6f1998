package io.annal.process;

import io.annal.domain.Rejection;
import java.util.Objects;

/**
 * What a process manager reacts to: an event it observed, the outcome of a command it sent, or a
 * deadline it set. The runtime records each input in the process's own stream before reacting, so
 * the state and every command can be rebuilt from that stream alone.
 *
 * @param <E> the events the process observes
 * @param <C> the commands it sends
 */
public sealed interface ProcessInput<E, C> {

    /** An event taken from the store and correlated to this process. */
    record Observed<E, C>(E event) implements ProcessInput<E, C> {
        public Observed {
            Objects.requireNonNull(event, "event");
        }
    }

    /** A command this process sent was accepted (perhaps changing nothing). */
    record CommandAccepted<E, C>(C command) implements ProcessInput<E, C> {
        public CommandAccepted {
            Objects.requireNonNull(command, "command");
        }
    }

    /** A command this process sent was refused: the place to start compensating. */
    record CommandRejected<E, C>(C command, Rejection rejection) implements ProcessInput<E, C> {
        public CommandRejected {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /** A deadline this process scheduled and did not cancel has passed. */
    record DeadlineReached<E, C>(String name) implements ProcessInput<E, C> {
        public DeadlineReached {
            Objects.requireNonNull(name, "name");
        }
    }

    static <E, C> ProcessInput<E, C> observed(E event) {
        return new Observed<>(event);
    }

    static <E, C> ProcessInput<E, C> accepted(C command) {
        return new CommandAccepted<>(command);
    }

    static <E, C> ProcessInput<E, C> rejected(C command, Rejection rejection) {
        return new CommandRejected<>(command, rejection);
    }

    static <E, C> ProcessInput<E, C> deadlineReached(String name) {
        return new DeadlineReached<>(name);
    }
}
