package io.annal.examples.bank.process;

import io.annal.examples.bank.TransferState.Terms;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a transfer process is: waiting for its start, debiting the source, crediting the target,
 * refunding the source after a refused credit, or ending (the outcome sent to the transfer).
 */
public sealed interface TransferProcessState {

    static TransferProcessState initial() {
        return new Idle();
    }

    record Idle() implements TransferProcessState {}

    /** The withdrawal from the source is sent. */
    record Debiting(Terms terms) implements TransferProcessState {}

    /** The source is debited; the deposit to the target is sent. */
    record Crediting(Terms terms) implements TransferProcessState {}

    /** The target refused the credit; the refund to the source is sent. */
    record Refunding(Terms terms, String reason) implements TransferProcessState {
        public Refunding {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The outcome is sent to the transfer: completed, or failed for {@code failure}. {@code
     * recorded} once the transfer took it; {@code debitOutstanding} while a withdrawal sent before a
     * time-out has no answer yet, which would have to be refunded if it went through.
     */
    record Ending(Terms terms, Optional<String> failure, boolean recorded, boolean debitOutstanding)
            implements TransferProcessState {
        public Ending {
            Objects.requireNonNull(failure, "failure");
        }

        Ending withRecorded() {
            return new Ending(terms, failure, true, debitOutstanding);
        }

        Ending debitAnswered() {
            return new Ending(terms, failure, recorded, false);
        }
    }
}
