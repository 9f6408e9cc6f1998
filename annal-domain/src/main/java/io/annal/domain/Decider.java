package io.annal.domain;

/**
 * The write-side model of one consistency boundary (one stream): an initial state and two pure
 * functions. {@code decide} turns a command and the current state into new events or a rejection;
 * {@code evolve} folds one event into the state. Implementations must not read a clock, generate
 * random ids or do I/O: everything they need arrives in the command.
 *
 * <p>Commands, events and states are best written as sealed interfaces of records, so that the
 * exhaustive {@code switch} in {@code decide} and {@code evolve} is checked by the compiler.
 *
 * @param <C> the command type
 * @param <E> the event type
 * @param <S> the state type
 */
public interface Decider<C, E, S> {

    /** The state of a stream that has no events yet. */
    S initialState();

    /** Decides what happens when {@code command} meets {@code state}. */
    Decision<E> decide(C command, S state);

    /** Applies one event that has happened. Must accept every event {@code decide} can emit. */
    S evolve(S state, E event);

    /**
     * Whether no command can change the stream any more (a closed account, a shipped order). The
     * runtime uses it to stop keeping such streams hot; it never changes what {@code decide} says.
     */
    default boolean isTerminal(S state) {
        return false;
    }

    /** Folds {@code events} into {@code state}, in order. */
    default S fold(S state, Iterable<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = evolve(current, event);
        }
        return current;
    }
}
