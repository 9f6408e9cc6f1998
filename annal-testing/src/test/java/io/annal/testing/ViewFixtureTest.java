package io.annal.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.testing.Bank.BalanceView;
import io.annal.testing.Bank.Deposited;
import io.annal.testing.Bank.Opened;
import io.annal.testing.Bank.Withdrew;
import org.junit.jupiter.api.Test;

class ViewFixtureTest {

    @Test
    void the_expected_state_passes() {
        ViewFixture.of(new BalanceView())
                .given(new Opened("ada"), new Deposited(50), new Withdrew(20))
                .then(30L)
                .thenState(balance -> assertThat(balance).isPositive());
    }

    @Test
    void no_events_give_the_initial_state() {
        ViewFixture.of(new BalanceView()).then(0L);
    }

    @Test
    void a_wrong_state_fails_showing_expected_and_actual() {
        assertThatThrownBy(() -> ViewFixture.of(new BalanceView())
                        .given(new Deposited(50))
                        .then(40L))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected:\n  40")
                .hasMessageContaining("but was:\n  50")
                .hasMessageContaining("Deposited[amount=50]");
    }
}
