package io.annal.domain;

/**
 * A read-model fold: the state a query needs, built from events. Pure, like a {@link Decider}'s
 * {@code evolve}: a view must give the same state for the same events, however often they are
 * replayed.
 *
 * @param <E> the event type
 * @param <S> the view's state
 */
public interface View<E, S> {

    S initialState();

    S evolve(S state, E event);

    default S fold(S state, Iterable<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = evolve(current, event);
        }
        return current;
    }
}
