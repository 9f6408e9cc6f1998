package io.annal.examples.bank;

import io.annal.domain.View;
import io.annal.examples.Envelope;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;

/** Folds an account's events into its {@link Statement}; opening and closing move no money. */
public final class StatementView implements View<Envelope<AccountEvent>, Statement> {

    private StatementView() {}

    public static StatementView create() {
        return new StatementView();
    }

    @Override
    public Statement initialState() {
        return Statement.empty();
    }

    @Override
    public Statement evolve(Statement state, Envelope<AccountEvent> envelope) {
        return switch (envelope.event()) {
            case AccountOpened opened -> state.withAccountId(opened.accountId());
            case Deposited deposited ->
                state.with(new Statement.Entry(
                        envelope.version(),
                        "Deposited",
                        deposited.amount(),
                        state.balance() + deposited.amount(),
                        envelope.recordedAt()));
            case Withdrew withdrew ->
                state.with(new Statement.Entry(
                        envelope.version(),
                        "Withdrew",
                        withdrew.amount(),
                        state.balance() - withdrew.amount(),
                        envelope.recordedAt()));
            case AccountClosed closed -> state;
        };
    }
}
