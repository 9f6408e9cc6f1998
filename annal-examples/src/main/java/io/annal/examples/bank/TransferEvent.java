package io.annal.examples.bank;

import java.util.Objects;

/** What happened to one transfer between two accounts. */
public sealed interface TransferEvent extends BankEvent {

    record TransferStarted(String transferId, String from, String to, long amount) implements TransferEvent {
        public TransferStarted {
            Objects.requireNonNull(transferId, "transferId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    record TransferDebited() implements TransferEvent {}

    record TransferCompleted() implements TransferEvent {}

    record TransferFailed(String reason) implements TransferEvent {
        public TransferFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
