package io.annal.examples.process;

import io.annal.process.ProcessAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step of a process: the state it moves to and what it asks for. Writing a process as one
 * {@code step} function keeps {@code react} and {@code evolve} from disagreeing.
 */
public record Transition<S, C>(S next, List<ProcessAction<C>> actions) {

    public Transition {
        Objects.requireNonNull(next, "next");
        actions = List.copyOf(actions);
    }

    @SafeVarargs
    public static <S, C> Transition<S, C> to(S next, ProcessAction<C>... actions) {
        List<ProcessAction<C>> all = new ArrayList<>(actions.length);
        for (ProcessAction<C> action : actions) { // not List.of(actions): a generic array must not escape
            all.add(action);
        }
        return new Transition<>(next, all);
    }
}
