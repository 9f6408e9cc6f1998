package io.annal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeciderTest {

    /** A counter that refuses to go below zero: the smallest decider with a rule. */
    sealed interface Command {
        record Add(int amount) implements Command {}

        record Take(int amount) implements Command {}
    }

    record Changed(int delta) {}

    static final Decider<Command, Changed, Integer> COUNTER = new Decider<>() {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public Decision<Changed> decide(Command command, Integer state) {
            return switch (command) {
                case Command.Add add -> Decision.accept(new Changed(add.amount()));
                case Command.Take take
                when take.amount() > state -> Decision.reject("not-enough", "only " + state + " left");
                case Command.Take take -> Decision.accept(new Changed(-take.amount()));
            };
        }

        @Override
        public Integer evolve(Integer state, Changed event) {
            return state + event.delta();
        }
    };

    @Test
    void fold_applies_events_in_order() {
        assertThat(COUNTER.fold(COUNTER.initialState(), List.of(new Changed(5), new Changed(-2))))
                .isEqualTo(3);
    }

    @Test
    void decide_returns_events_or_a_rejection() {
        assertThat(COUNTER.decide(new Command.Take(1), 3)).isEqualTo(Decision.accept(new Changed(-1)));
        assertThat(COUNTER.decide(new Command.Take(4), 3))
                .isEqualTo(Decision.reject(Rejection.of("not-enough", "only 3 left")));
    }

    @Test
    void a_decider_is_not_terminal_unless_it_says_so() {
        assertThat(COUNTER.isTerminal(0)).isFalse();
    }

    @Test
    void accepted_events_cannot_be_changed_afterwards() {
        Decision.Accepted<Changed> accepted = (Decision.Accepted<Changed>) Decision.<Changed>accept(new Changed(1));
        assertThatThrownBy(() -> accepted.events().add(new Changed(2)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void view_folds_like_evolve() {
        View<Changed, Integer> total = new View<>() {
            @Override
            public Integer initialState() {
                return 10;
            }

            @Override
            public Integer evolve(Integer state, Changed event) {
                return state + event.delta();
            }
        };
        assertThat(total.fold(total.initialState(), List.of(new Changed(1), new Changed(2))))
                .isEqualTo(13);
    }
}
