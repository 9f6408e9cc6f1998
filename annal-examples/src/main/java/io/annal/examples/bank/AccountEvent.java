package io.annal.examples.bank;

import java.util.Objects;

/** What happened to one bank account, in the shapes of the HTTP API's reference domain. */
public sealed interface AccountEvent extends BankEvent {

    record AccountOpened(String accountId, String owner) implements AccountEvent {
        public AccountOpened {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(owner, "owner");
        }
    }

    record Deposited(long amount) implements AccountEvent {}

    record Withdrew(long amount) implements AccountEvent {}

    record AccountClosed() implements AccountEvent {}
}
