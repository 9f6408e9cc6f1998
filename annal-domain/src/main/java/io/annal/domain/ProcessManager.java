package io.annal.domain;

import java.util.List;

/**
 * Coordinates work across streams (a saga): it folds the events it is interested in into its own
 * state and reacts to each with the commands to send next. Pure: sending, retrying and deadlines
 * belong to the runtime, which gives every command a deterministic id so that a replay never
 * applies a step twice.
 *
 * @param <E> the event type it reacts to
 * @param <S> its state
 * @param <C> the command type it sends
 */
public interface ProcessManager<E, S, C> {

    S initialState();

    /** Folds an event into the process state. */
    S evolve(S state, E event);

    /** The commands to send in reaction to {@code event}, given the state before it. */
    List<C> react(E event, S state);

    /** Whether the process has finished; a finished process reacts to nothing more. */
    default boolean isTerminal(S state) {
        return false;
    }
}
