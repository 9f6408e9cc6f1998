package io.annal.testing;

import io.annal.domain.ProcessManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Given/when/then for a {@link ProcessManager}: the given events build the process state, the
 * event in {@code when} is reacted to, and {@code then} compares the commands sent.
 *
 * <pre>{@code
 * ProcessManagerFixture.of(new TransferProcess())
 *     .given(new TransferStarted("t-1", "a-1", "a-2", 30))
 *     .when(new Withdrew("a-1", 30))
 *     .then(new Deposit("a-2", 30));
 * }</pre>
 *
 * Like the runtime, a process that is already terminal reacts to nothing.
 *
 * @param <E> the event type
 * @param <S> the process state
 * @param <C> the command type
 */
public final class ProcessManagerFixture<E, S, C> {

    private final ProcessManager<E, S, C> process;
    private final List<E> history;

    private ProcessManagerFixture(ProcessManager<E, S, C> process, List<E> history) {
        this.process = process;
        this.history = history;
    }

    public static <E, S, C> ProcessManagerFixture<E, S, C> of(ProcessManager<E, S, C> process) {
        return new ProcessManagerFixture<>(Objects.requireNonNull(process, "process manager"), List.of());
    }

    @SafeVarargs
    public final ProcessManagerFixture<E, S, C> given(E... events) {
        return given(Arrays.asList(events));
    }

    public ProcessManagerFixture<E, S, C> given(List<? extends E> events) {
        List<E> all = new ArrayList<>(history);
        all.addAll(events);
        return new ProcessManagerFixture<>(process, List.copyOf(all));
    }

    /** Reacts to {@code event} with the state the given events built. */
    public Reaction<E, S, C> when(E event) {
        Objects.requireNonNull(event, "event");
        S state = state();
        List<C> commands;
        if (process.isTerminal(state)) {
            commands = List.of();
        } else {
            try {
                commands = List.copyOf(process.react(event, state));
            } catch (RuntimeException e) {
                throw Failures.failure("react(" + event + ") threw " + e + "\nstate: " + state, e);
            }
        }
        return new Reaction<>(process, event, state, commands);
    }

    /** The process state the given events build. */
    public S state() {
        S state = process.initialState();
        for (E event : history) {
            try {
                state = process.evolve(state, event);
            } catch (RuntimeException e) {
                throw Failures.failure(
                        "the process could not apply the given event " + event + "\nto state: " + state, e);
            }
        }
        return state;
    }

    /** The commands the process sent, ready for expectations. */
    public static final class Reaction<E, S, C> {

        private final ProcessManager<E, S, C> process;
        private final E event;
        private final S state;
        private final List<C> commands;

        Reaction(ProcessManager<E, S, C> process, E event, S state, List<C> commands) {
            this.process = process;
            this.event = event;
            this.state = state;
            this.commands = commands;
        }

        /** Expects exactly these commands, in this order (none: the process waits). */
        @SafeVarargs
        public final Reaction<E, S, C> then(C... expected) {
            return then(Arrays.asList(expected));
        }

        public Reaction<E, S, C> then(List<? extends C> expected) {
            if (!commands.equals(expected)) {
                throw Failures.mismatch(
                        "when " + event + " the process sent other commands",
                        List.copyOf(expected),
                        commands,
                        Describe.list(expected),
                        Describe.list(commands) + "\nstate: " + state);
            }
            return this;
        }

        /** Expects no command. */
        public Reaction<E, S, C> thenNothingIsSent() {
            return then(List.of());
        }

        /** Checks the process state after the event with {@code requirements}. */
        public Reaction<E, S, C> thenState(Consumer<? super S> requirements) {
            requirements.accept(process.evolve(state, event));
            return this;
        }
    }
}
