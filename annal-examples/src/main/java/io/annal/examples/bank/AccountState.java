package io.annal.examples.bank;

/** An account as its decider sees it: not opened yet, open with a balance, or closed for good. */
public sealed interface AccountState {

    static AccountState initial() {
        return new Unopened();
    }

    record Unopened() implements AccountState {}

    record Open(String accountId, String owner, long balance) implements AccountState {

        Open deposit(long amount) {
            return new Open(accountId, owner, balance + amount);
        }

        Open withdraw(long amount) {
            return new Open(accountId, owner, balance - amount);
        }

        Closed close() {
            return new Closed(accountId, owner);
        }
    }

    record Closed(String accountId, String owner) implements AccountState {}
}
