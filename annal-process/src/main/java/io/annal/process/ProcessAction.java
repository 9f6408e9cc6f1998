package io.annal.process;

import java.time.Duration;
import java.util.Objects;

/**
 * What a process manager asks for in reaction to an input: a command to send, or a deadline to
 * set or clear. Deadlines are named; scheduling a name again moves it.
 *
 * @param <C> the commands it sends
 */
public sealed interface ProcessAction<C> {

    /** Sends {@code command} with an id derived from the process, the input and its place. */
    record Send<C>(C command) implements ProcessAction<C> {
        public Send {
            Objects.requireNonNull(command, "command");
        }
    }

    /** Reaches deadline {@code name} {@code after} the input that scheduled it was recorded. */
    record Schedule<C>(String name, Duration after) implements ProcessAction<C> {
        public Schedule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(after, "after");
            if (after.isNegative()) {
                throw new IllegalArgumentException("a deadline lies ahead, not " + after + " ago");
            }
        }
    }

    /** Clears deadline {@code name}; clearing one that is not set does nothing. */
    record Cancel<C>(String name) implements ProcessAction<C> {
        public Cancel {
            Objects.requireNonNull(name, "name");
        }
    }

    static <C> ProcessAction<C> send(C command) {
        return new Send<>(command);
    }

    static <C> ProcessAction<C> schedule(String name, Duration after) {
        return new Schedule<>(name, after);
    }

    static <C> ProcessAction<C> cancel(String name) {
        return new Cancel<>(name);
    }
}
