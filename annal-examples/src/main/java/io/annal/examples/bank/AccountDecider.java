package io.annal.examples.bank;

import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.examples.bank.AccountCommand.CloseAccount;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.OpenAccount;
import io.annal.examples.bank.AccountCommand.Withdraw;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;
import io.annal.examples.bank.AccountState.Closed;
import io.annal.examples.bank.AccountState.Open;
import io.annal.examples.bank.AccountState.Unopened;

/**
 * One bank account, stream {@code account-{accountId}}. Amounts are positive whole minor units.
 *
 * <p>Rejection codes:
 *
 * <ul>
 *   <li>{@code account-exists}: opening an account that was opened before, even if closed since
 *   <li>{@code invalid-owner}: opening with a blank owner
 *   <li>{@code invalid-amount}: depositing or withdrawing zero or less, or a deposit the balance
 *       cannot hold
 *   <li>{@code account-not-open}: depositing, withdrawing or closing before opening or after
 *       closing
 *   <li>{@code insufficient-funds}: withdrawing more than the balance
 *   <li>{@code balance-not-zero}: closing an account that still holds money
 * </ul>
 */
public final class AccountDecider implements Decider<AccountCommand, AccountEvent, AccountState> {

    private AccountDecider() {}

    public static AccountDecider create() {
        return new AccountDecider();
    }

    @Override
    public AccountState initialState() {
        return AccountState.initial();
    }

    @Override
    public Decision<AccountEvent> decide(AccountCommand command, AccountState state) {
        return switch (command) {
            case OpenAccount open -> open(open, state);
            case Deposit deposit -> deposit(deposit, state);
            case Withdraw withdraw -> withdraw(withdraw, state);
            case CloseAccount close -> close(close, state);
        };
    }

    private static Decision<AccountEvent> open(OpenAccount command, AccountState state) {
        if (!(state instanceof Unopened)) {
            return Decision.reject("account-exists", "account " + command.accountId() + " already exists");
        }
        if (command.owner().isBlank()) {
            return Decision.reject("invalid-owner", "an account needs an owner's name");
        }
        return Decision.accept(new AccountOpened(command.accountId(), command.owner()));
    }

    private static Decision<AccountEvent> deposit(Deposit command, AccountState state) {
        if (command.amount() <= 0) {
            return invalidAmount(command.amount());
        }
        if (!(state instanceof Open account)) {
            return notOpen(command.accountId(), state);
        }
        if (command.amount() > Long.MAX_VALUE - account.balance()) {
            return Decision.reject(
                    "invalid-amount", "a deposit of " + command.amount() + " would overflow the balance");
        }
        return Decision.accept(new Deposited(command.amount()));
    }

    private static Decision<AccountEvent> withdraw(Withdraw command, AccountState state) {
        if (command.amount() <= 0) {
            return invalidAmount(command.amount());
        }
        if (!(state instanceof Open account)) {
            return notOpen(command.accountId(), state);
        }
        if (command.amount() > account.balance()) {
            return Decision.reject(
                    "insufficient-funds",
                    "cannot withdraw " + command.amount() + " from a balance of " + account.balance());
        }
        return Decision.accept(new Withdrew(command.amount()));
    }

    private static Decision<AccountEvent> close(CloseAccount command, AccountState state) {
        return switch (state) {
            case Open account
            when account.balance() != 0 ->
                Decision.reject(
                        "balance-not-zero",
                        "withdraw the balance of " + account.balance() + " before closing the account");
            case Open account -> Decision.accept(new AccountClosed());
            case Unopened unopened -> notOpen(command.accountId(), state);
            case Closed closed -> notOpen(command.accountId(), state);
        };
    }

    private static Decision<AccountEvent> invalidAmount(long amount) {
        return Decision.reject("invalid-amount", "an amount must be a positive number of minor units, not " + amount);
    }

    private static Decision<AccountEvent> notOpen(String accountId, AccountState state) {
        String why = state instanceof Closed ? "is closed" : "has not been opened";
        return Decision.reject("account-not-open", "account " + accountId + " " + why);
    }

    @Override
    public AccountState evolve(AccountState state, AccountEvent event) {
        return switch (event) {
            case AccountOpened opened -> new Open(opened.accountId(), opened.owner(), 0);
            case Deposited deposited -> open(state, event).deposit(deposited.amount());
            case Withdrew withdrew -> open(state, event).withdraw(withdrew.amount());
            case AccountClosed closed -> open(state, event).close();
        };
    }

    private static Open open(AccountState state, AccountEvent event) {
        if (state instanceof Open open) {
            return open;
        }
        throw new IllegalStateException(event + " cannot follow " + state + ": the stream is out of order");
    }

    @Override
    public boolean isTerminal(AccountState state) {
        return state instanceof Closed;
    }
}
