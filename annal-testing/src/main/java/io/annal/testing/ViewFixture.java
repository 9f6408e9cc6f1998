package io.annal.testing;

import io.annal.domain.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Given/then for a {@link View}: fold the given events, then compare the state.
 *
 * <pre>{@code
 * ViewFixture.of(new BalanceView())
 *     .given(new AccountOpened("a-1", "ada"), new Deposited(50))
 *     .then(new Balance("a-1", 50));
 * }</pre>
 *
 * @param <E> the event type
 * @param <S> the view's state
 */
public final class ViewFixture<E, S> {

    private final View<E, S> view;
    private final List<E> history;

    private ViewFixture(View<E, S> view, List<E> history) {
        this.view = view;
        this.history = history;
    }

    public static <E, S> ViewFixture<E, S> of(View<E, S> view) {
        return new ViewFixture<>(Objects.requireNonNull(view, "view"), List.of());
    }

    @SafeVarargs
    public final ViewFixture<E, S> given(E... events) {
        return given(Arrays.asList(events));
    }

    public ViewFixture<E, S> given(List<? extends E> events) {
        List<E> all = new ArrayList<>(history);
        all.addAll(events);
        return new ViewFixture<>(view, List.copyOf(all));
    }

    /** Expects the folded state to equal {@code expected}. */
    public ViewFixture<E, S> then(S expected) {
        S actual = state();
        if (!Objects.equals(expected, actual)) {
            throw Failures.mismatch(
                    "after the given events the view has another state",
                    expected,
                    actual,
                    "  " + expected,
                    "  " + actual + "\nevents:\n" + Describe.list(history));
        }
        return this;
    }

    /** Checks the folded state with {@code requirements}, for example AssertJ assertions. */
    public ViewFixture<E, S> thenState(Consumer<? super S> requirements) {
        requirements.accept(state());
        return this;
    }

    /** The state the given events build. */
    public S state() {
        S state = view.initialState();
        for (E event : history) {
            try {
                state = view.evolve(state, event);
            } catch (RuntimeException e) {
                throw Failures.failure("the view could not apply the given event " + event + "\nto state: " + state, e);
            }
        }
        return state;
    }
}
