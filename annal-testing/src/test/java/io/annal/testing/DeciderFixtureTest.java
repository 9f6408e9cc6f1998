package io.annal.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.testing.Bank.AccountDecider;
import io.annal.testing.Bank.Deposited;
import io.annal.testing.Bank.Open;
import io.annal.testing.Bank.Opened;
import io.annal.testing.Bank.Withdraw;
import io.annal.testing.Bank.Withdrew;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class DeciderFixtureTest {

    private final DeciderFixture<Bank.Command, Bank.Event, Bank.Account> fixture =
            DeciderFixture.of(new AccountDecider());

    @Test
    void expected_events_pass() {
        fixture.given(new Opened("ada"), new Deposited(50))
                .when(new Withdraw(20))
                .then(new Withdrew(20));
    }

    @Test
    void expected_rejection_passes_and_returns_the_rejection() {
        var rejection = fixture.given(new Opened("ada")).when(new Withdraw(20)).thenRejectedWith("insufficient-funds");
        assertThat(rejection.message()).contains("balance 0");
        fixture.given(new Opened("ada"))
                .when(new Withdraw(20))
                .thenRejectedWith("insufficient-funds", "balance 0 is too low");
    }

    @Test
    void a_no_op_passes_then_nothing_happens() {
        fixture.given(new Opened("ada")).when(new Open("ada")).thenNothingHappens();
        fixture.given(new Opened("ada")).when(new Open("ada")).then();
    }

    @Test
    void the_state_after_the_new_events_can_be_checked() {
        fixture.given(new Opened("ada"), new Deposited(50))
                .when(new Withdraw(20))
                .thenState(state -> assertThat(state.balance()).isEqualTo(30));
    }

    @Test
    void wrong_events_fail_showing_expected_and_actual() {
        assertThatThrownBy(() -> fixture.given(new Opened("ada"), new Deposited(50))
                        .when(new Withdraw(20))
                        .then(new Withdrew(25)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected:\n  Withdrew[amount=25]")
                .hasMessageContaining("but was:\n  Withdrew[amount=20]")
                .isInstanceOfSatisfying(
                        AssertionFailedError.class,
                        e -> assertThat(e.isExpectedDefined()).isTrue());
    }

    @Test
    void expecting_events_from_a_rejected_command_fails() {
        assertThatThrownBy(() -> fixture.when(new Withdraw(20)).then(new Withdrew(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("rejected the command")
                .hasMessageContaining("insufficient-funds");
    }

    @Test
    void expecting_a_rejection_from_an_accepted_command_fails() {
        assertThatThrownBy(() ->
                        fixture.given(new Deposited(50)).when(new Withdraw(20)).thenRejectedWith("x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("accepted the command")
                .hasMessageContaining("Withdrew[amount=20]");
    }

    @Test
    void a_wrong_rejection_code_or_message_fails() {
        assertThatThrownBy(() -> fixture.when(new Withdraw(20)).thenRejectedWith("account-not-open"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("account-not-open")
                .hasMessageContaining("insufficient-funds");
        assertThatThrownBy(() -> fixture.when(new Withdraw(20)).thenRejectedWith("insufficient-funds", "other"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("other");
    }

    @Test
    void a_failing_state_check_fails() {
        assertThatThrownBy(() -> fixture.given(new Deposited(50))
                        .when(new Withdraw(20))
                        .thenState(state -> assertThat(state.balance()).isEqualTo(31)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void given_accumulates_and_leaves_the_earlier_fixture_unchanged() {
        var opened = fixture.given(new Opened("ada"));
        opened.given(new Deposited(5)).given(new Deposited(7));
        assertThat(opened.given(new Deposited(5))
                        .given(new Deposited(7))
                        .state()
                        .balance())
                .isEqualTo(12);
        assertThat(opened.state().balance()).isZero();
    }
}
