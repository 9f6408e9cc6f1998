package io.annal.testing;

import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.domain.ProcessManager;
import io.annal.domain.View;
import java.util.List;

/** A tiny account domain to exercise the fixtures. */
final class Bank {

    private Bank() {}

    sealed interface Command {}

    record Open(String owner) implements Command {}

    record Withdraw(long amount) implements Command {}

    sealed interface Event {}

    record Opened(String owner) implements Event {}

    record Deposited(long amount) implements Event {}

    record Withdrew(long amount) implements Event {}

    record Account(boolean open, long balance) {}

    static final class AccountDecider implements Decider<Command, Event, Account> {
        @Override
        public Account initialState() {
            return new Account(false, 0);
        }

        @Override
        public Decision<Event> decide(Command command, Account state) {
            return switch (command) {
                case Open open -> state.open() ? Decision.accept() : Decision.accept(new Opened(open.owner()));
                case Withdraw withdraw ->
                    withdraw.amount() > state.balance()
                            ? Decision.reject("insufficient-funds", "balance " + state.balance() + " is too low")
                            : Decision.accept(new Withdrew(withdraw.amount()));
            };
        }

        @Override
        public Account evolve(Account state, Event event) {
            return switch (event) {
                case Opened opened -> new Account(true, state.balance());
                case Deposited deposited -> new Account(state.open(), state.balance() + deposited.amount());
                case Withdrew withdrew -> new Account(state.open(), state.balance() - withdrew.amount());
            };
        }
    }

    static final class BalanceView implements View<Event, Long> {
        @Override
        public Long initialState() {
            return 0L;
        }

        @Override
        public Long evolve(Long state, Event event) {
            return switch (event) {
                case Deposited deposited -> state + deposited.amount();
                case Withdrew withdrew -> state - withdrew.amount();
                case Opened opened -> state;
            };
        }
    }

    /** Pays back every withdrawal over 100, until it has refunded twice. */
    static final class RefundProcess implements ProcessManager<Event, Integer, Command> {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public Integer evolve(Integer state, Event event) {
            return event instanceof Withdrew w && w.amount() > 100 ? state + 1 : state;
        }

        @Override
        public List<Command> react(Event event, Integer state) {
            return event instanceof Withdrew w && w.amount() > 100
                    ? List.of(new Open("refund-" + w.amount()))
                    : List.of();
        }

        @Override
        public boolean isTerminal(Integer state) {
            return state >= 2;
        }
    }
}
