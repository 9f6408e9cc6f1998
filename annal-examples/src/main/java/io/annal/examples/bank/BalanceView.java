package io.annal.examples.bank;

import io.annal.domain.View;
import io.annal.examples.Envelope;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;

/** Folds an account's events into its {@link Balance}. */
public final class BalanceView implements View<Envelope<AccountEvent>, Balance> {

    private BalanceView() {}

    public static BalanceView create() {
        return new BalanceView();
    }

    @Override
    public Balance initialState() {
        return Balance.none();
    }

    @Override
    public Balance evolve(Balance state, Envelope<AccountEvent> envelope) {
        long version = envelope.version();
        return switch (envelope.event()) {
            case AccountOpened opened -> new Balance(opened.accountId(), opened.owner(), 0, "open", version);
            case Deposited deposited ->
                new Balance(
                        state.accountId(),
                        state.owner(),
                        state.balance() + deposited.amount(),
                        state.status(),
                        version);
            case Withdrew withdrew ->
                new Balance(
                        state.accountId(), state.owner(), state.balance() - withdrew.amount(), state.status(), version);
            case AccountClosed closed ->
                new Balance(state.accountId(), state.owner(), state.balance(), "closed", version);
        };
    }
}
