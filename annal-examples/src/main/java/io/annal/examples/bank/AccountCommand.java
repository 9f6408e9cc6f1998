package io.annal.examples.bank;

import java.util.Objects;

/** What can be asked of one bank account. Amounts are whole minor units (cents). */
public sealed interface AccountCommand {

    String accountId();

    record OpenAccount(String accountId, String owner) implements AccountCommand {
        public OpenAccount {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(owner, "owner");
        }
    }

    record Deposit(String accountId, long amount) implements AccountCommand {
        public Deposit {
            Objects.requireNonNull(accountId, "accountId");
        }
    }

    record Withdraw(String accountId, long amount) implements AccountCommand {
        public Withdraw {
            Objects.requireNonNull(accountId, "accountId");
        }
    }

    record CloseAccount(String accountId) implements AccountCommand {
        public CloseAccount {
            Objects.requireNonNull(accountId, "accountId");
        }
    }
}
