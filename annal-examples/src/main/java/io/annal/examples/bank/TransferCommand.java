package io.annal.examples.bank;

import java.util.Objects;

/**
 * What can be asked of one transfer. A client starts it; the transfer process records the steps
 * it took on the two accounts.
 */
public sealed interface TransferCommand {

    String transferId();

    record StartTransfer(String transferId, String from, String to, long amount) implements TransferCommand {
        public StartTransfer {
            Objects.requireNonNull(transferId, "transferId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** The amount was withdrawn from the source account. */
    record RecordDebit(String transferId) implements TransferCommand {
        public RecordDebit {
            Objects.requireNonNull(transferId, "transferId");
        }
    }

    /** The amount was deposited to the target account: the transfer is done. */
    record CompleteTransfer(String transferId) implements TransferCommand {
        public CompleteTransfer {
            Objects.requireNonNull(transferId, "transferId");
        }
    }

    /** A step failed; any debit has been refunded to the source account before this is sent. */
    record FailTransfer(String transferId, String reason) implements TransferCommand {
        public FailTransfer {
            Objects.requireNonNull(transferId, "transferId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
