package io.annal.testing;

import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.domain.Rejection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Given/when/then for a {@link Decider}:
 *
 * <pre>{@code
 * DeciderFixture.of(new AccountDecider())
 *     .given(new AccountOpened("a-1", "ada"), new Deposited(50))
 *     .when(new Withdraw("a-1", 80))
 *     .thenRejectedWith("insufficient-funds");
 * }</pre>
 *
 * The given events are folded with {@code evolve}; the command goes to {@code decide}. Each {@code
 * then} method throws an {@link AssertionError} describing expected and actual on a mismatch.
 *
 * @param <C> the command type
 * @param <E> the event type
 * @param <S> the state type
 */
public final class DeciderFixture<C, E, S> {

    private final Decider<C, E, S> decider;
    private final List<E> history;

    private DeciderFixture(Decider<C, E, S> decider, List<E> history) {
        this.decider = decider;
        this.history = history;
    }

    public static <C, E, S> DeciderFixture<C, E, S> of(Decider<C, E, S> decider) {
        return new DeciderFixture<>(Objects.requireNonNull(decider, "decider"), List.of());
    }

    /** The events that happened before the command, oldest first. */
    @SafeVarargs
    public final DeciderFixture<C, E, S> given(E... events) {
        return given(Arrays.asList(events));
    }

    /** The events that happened before the command, oldest first. */
    public DeciderFixture<C, E, S> given(List<? extends E> events) {
        List<E> all = new ArrayList<>(history);
        all.addAll(events);
        return new DeciderFixture<>(decider, List.copyOf(all));
    }

    /** Decides {@code command} against the state the given events built. */
    public Outcome<E, S> when(C command) {
        Objects.requireNonNull(command, "command");
        S state = foldHistory();
        Decision<E> decision;
        try {
            decision = decider.decide(command, state);
        } catch (RuntimeException e) {
            throw Failures.failure("decide(" + command + ") threw " + e + "\nstate: " + state, e);
        }
        return new Outcome<>(decider, command, state, decision);
    }

    /** The state the given events build, for assertions on {@code evolve} alone. */
    public S state() {
        return foldHistory();
    }

    private S foldHistory() {
        S state = decider.initialState();
        for (E event : history) {
            try {
                state = decider.evolve(state, event);
            } catch (RuntimeException e) {
                throw Failures.failure("evolve could not apply the given event " + event + "\nto state: " + state, e);
            }
        }
        return state;
    }

    /** What {@code decide} answered, ready for expectations. */
    public static final class Outcome<E, S> {

        private final Decider<?, E, S> decider;
        private final Object command;
        private final S state;
        private final Decision<E> decision;

        Outcome(Decider<?, E, S> decider, Object command, S state, Decision<E> decision) {
            this.decider = decider;
            this.command = command;
            this.state = state;
            this.decision = decision;
        }

        /** Expects the command to be accepted with exactly these events, in this order (none: a no-op). */
        @SafeVarargs
        public final Outcome<E, S> then(E... expected) {
            return then(Arrays.asList(expected));
        }

        /** Expects the command to be accepted with exactly these events, in this order. */
        public Outcome<E, S> then(List<? extends E> expected) {
            List<E> actual = acceptedEvents("events " + expected);
            if (!actual.equals(expected)) {
                throw Failures.mismatch(
                        "when " + command + " the decider emitted other events",
                        List.copyOf(expected),
                        actual,
                        Describe.list(expected),
                        Describe.list(actual));
            }
            return this;
        }

        /** Expects the command to be accepted without any event. */
        public Outcome<E, S> thenNothingHappens() {
            return then(List.of());
        }

        /** Expects a rejection with this code, whatever its message. */
        public Rejection thenRejectedWith(String code) {
            Rejection rejection = rejection(code);
            if (!rejection.code().equals(code)) {
                throw Failures.mismatch(
                        "when " + command + " the decider rejected with another code",
                        code,
                        rejection.code(),
                        "  " + code,
                        "  " + rejection.code() + " (" + rejection.message() + ")");
            }
            return rejection;
        }

        /** Expects exactly this rejection, code and message. */
        public Rejection thenRejectedWith(String code, String message) {
            Rejection expected = Rejection.of(code, message);
            Rejection actual = rejection(code);
            if (!actual.equals(expected)) {
                throw Failures.mismatch(
                        "when " + command + " the decider rejected differently",
                        expected,
                        actual,
                        "  " + expected,
                        "  " + actual);
            }
            return actual;
        }

        /** Expects acceptance, then checks the state after the new events with {@code requirements}. */
        public Outcome<E, S> thenState(Consumer<? super S> requirements) {
            List<E> events = acceptedEvents("a new state");
            requirements.accept(decider.fold(state, events));
            return this;
        }

        private List<E> acceptedEvents(String wanted) {
            return switch (decision) {
                case Decision.Accepted<E> accepted -> accepted.events();
                case Decision.Rejected<E> rejected ->
                    throw Failures.mismatch(
                            "when " + command + " the decider rejected the command",
                            wanted,
                            rejected.rejection(),
                            "  " + wanted,
                            "  rejection " + rejected.rejection().code() + ": "
                                    + rejected.rejection().message() + "\nstate: " + state);
            };
        }

        private Rejection rejection(String wantedCode) {
            return switch (decision) {
                case Decision.Rejected<E> rejected -> rejected.rejection();
                case Decision.Accepted<E> accepted ->
                    throw Failures.mismatch(
                            "when " + command + " the decider accepted the command",
                            "rejection " + wantedCode,
                            accepted.events(),
                            "  rejection " + wantedCode,
                            "  accepted with events:\n" + Describe.list(accepted.events()) + "\nstate: " + state);
            };
        }
    }
}
