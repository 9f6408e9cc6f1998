package io.annal.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.examples.bank.AccountCommand.CloseAccount;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.OpenAccount;
import io.annal.examples.bank.AccountCommand.Withdraw;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;
import io.annal.testing.DeciderFixture;
import org.junit.jupiter.api.Test;

class AccountDeciderTest {

    private static final AccountOpened OPENED = new AccountOpened("a-1", "Ada");

    private final AccountDecider decider = AccountDecider.create();
    private final DeciderFixture<AccountCommand, AccountEvent, AccountState> account = DeciderFixture.of(decider);

    @Test
    void opening_a_new_account_records_account_opened() {
        account.given().when(new OpenAccount("a-1", "Ada")).then(OPENED);
    }

    @Test
    void opening_an_open_account_is_rejected_with_account_exists() {
        account.given(OPENED).when(new OpenAccount("a-1", "Bob")).thenRejectedWith("account-exists");
    }

    @Test
    void opening_a_closed_account_is_rejected_with_account_exists() {
        account.given(OPENED, new AccountClosed())
                .when(new OpenAccount("a-1", "Ada"))
                .thenRejectedWith("account-exists");
    }

    @Test
    void opening_without_an_owner_is_rejected_with_invalid_owner() {
        account.given().when(new OpenAccount("a-1", " ")).thenRejectedWith("invalid-owner");
    }

    @Test
    void deposit_to_an_open_account_records_deposited() {
        account.given(OPENED).when(new Deposit("a-1", 50)).then(new Deposited(50));
    }

    @Test
    void deposit_to_an_unopened_account_is_rejected_with_account_not_open() {
        account.given()
                .when(new Deposit("a-1", 50))
                .thenRejectedWith("account-not-open", "account a-1 has not been opened");
    }

    @Test
    void deposit_to_closed_account_is_rejected_with_account_not_open() {
        account.given(OPENED, new AccountClosed())
                .when(new Deposit("a-1", 50))
                .thenRejectedWith("account-not-open", "account a-1 is closed");
    }

    @Test
    void deposit_of_zero_is_rejected_with_invalid_amount() {
        account.given(OPENED).when(new Deposit("a-1", 0)).thenRejectedWith("invalid-amount");
    }

    @Test
    void deposit_of_a_negative_amount_is_rejected_with_invalid_amount() {
        account.given(OPENED).when(new Deposit("a-1", -5)).thenRejectedWith("invalid-amount");
    }

    @Test
    void deposit_the_balance_cannot_hold_is_rejected_with_invalid_amount() {
        account.given(OPENED, new Deposited(Long.MAX_VALUE - 10))
                .when(new Deposit("a-1", 11))
                .thenRejectedWith("invalid-amount");
    }

    @Test
    void withdraw_within_the_balance_records_withdrew() {
        account.given(OPENED, new Deposited(50)).when(new Withdraw("a-1", 20)).then(new Withdrew(20));
    }

    @Test
    void withdraw_of_the_whole_balance_is_allowed() {
        account.given(OPENED, new Deposited(50))
                .when(new Withdraw("a-1", 50))
                .thenState(state -> assertThat(state).isEqualTo(new AccountState.Open("a-1", "Ada", 0)));
    }

    @Test
    void withdraw_more_than_the_balance_is_rejected_with_insufficient_funds() {
        account.given(OPENED, new Deposited(50), new Withdrew(20))
                .when(new Withdraw("a-1", 31))
                .thenRejectedWith("insufficient-funds", "cannot withdraw 31 from a balance of 30");
    }

    @Test
    void withdraw_from_an_unopened_account_is_rejected_with_account_not_open() {
        account.given().when(new Withdraw("a-1", 1)).thenRejectedWith("account-not-open");
    }

    @Test
    void withdraw_from_a_closed_account_is_rejected_with_account_not_open() {
        account.given(OPENED, new AccountClosed()).when(new Withdraw("a-1", 1)).thenRejectedWith("account-not-open");
    }

    @Test
    void withdraw_of_zero_or_less_is_rejected_with_invalid_amount() {
        account.given(OPENED, new Deposited(50)).when(new Withdraw("a-1", 0)).thenRejectedWith("invalid-amount");
        account.given(OPENED, new Deposited(50)).when(new Withdraw("a-1", -1)).thenRejectedWith("invalid-amount");
    }

    @Test
    void closing_an_account_with_a_zero_balance_records_account_closed() {
        account.given(OPENED, new Deposited(50), new Withdrew(50))
                .when(new CloseAccount("a-1"))
                .then(new AccountClosed());
    }

    @Test
    void closing_an_account_with_money_is_rejected_with_balance_not_zero() {
        account.given(OPENED, new Deposited(50)).when(new CloseAccount("a-1")).thenRejectedWith("balance-not-zero");
    }

    @Test
    void closing_a_closed_account_is_rejected_with_account_not_open() {
        account.given(OPENED, new AccountClosed()).when(new CloseAccount("a-1")).thenRejectedWith("account-not-open");
    }

    @Test
    void closing_an_unopened_account_is_rejected_with_account_not_open() {
        account.given().when(new CloseAccount("a-1")).thenRejectedWith("account-not-open");
    }

    @Test
    void the_state_holds_the_balance_of_all_deposits_and_withdrawals() {
        assertThat(account.given(OPENED, new Deposited(50), new Withdrew(20), new Deposited(5))
                        .state())
                .isEqualTo(new AccountState.Open("a-1", "Ada", 35));
    }

    @Test
    void only_a_closed_account_is_terminal() {
        assertThat(decider.isTerminal(account.given(OPENED).state())).isFalse();
        assertThat(decider.isTerminal(account.given(OPENED, new AccountClosed()).state()))
                .isTrue();
    }

    @Test
    void a_deposit_before_the_opening_is_an_out_of_order_stream() {
        assertThatThrownBy(() -> decider.evolve(decider.initialState(), new Deposited(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of order");
    }
}
