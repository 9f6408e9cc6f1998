package io.annal.examples.bank;

import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.examples.bank.TransferCommand.CompleteTransfer;
import io.annal.examples.bank.TransferCommand.FailTransfer;
import io.annal.examples.bank.TransferCommand.RecordDebit;
import io.annal.examples.bank.TransferCommand.StartTransfer;
import io.annal.examples.bank.TransferEvent.TransferCompleted;
import io.annal.examples.bank.TransferEvent.TransferDebited;
import io.annal.examples.bank.TransferEvent.TransferFailed;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import io.annal.examples.bank.TransferState.Completed;
import io.annal.examples.bank.TransferState.Failed;
import io.annal.examples.bank.TransferState.NotStarted;
import io.annal.examples.bank.TransferState.Pending;
import io.annal.examples.bank.TransferState.Terms;

/**
 * One transfer, stream {@code transfer-{transferId}}: started by a client, then moved on by the
 * transfer process as it debits the source account and credits the target ({@code pending →
 * completed}), or refunds the debit and gives up ({@code pending → failed}). Steps the process
 * repeats after a restart are accepted without new events.
 *
 * <p>Rejection codes:
 *
 * <ul>
 *   <li>{@code invalid-amount}: starting a transfer of zero or less
 *   <li>{@code same-account}: starting a transfer from an account to itself
 *   <li>{@code transfer-exists}: starting a transfer that was started before
 *   <li>{@code transfer-not-found}: any step of a transfer that was never started
 *   <li>{@code transfer-not-pending}: a step of a transfer that already ended the other way
 *   <li>{@code transfer-not-debited}: completing a transfer whose debit is not recorded
 *   <li>{@code invalid-reason}: failing a transfer without saying why
 * </ul>
 */
public final class TransferDecider implements Decider<TransferCommand, TransferEvent, TransferState> {

    private TransferDecider() {}

    public static TransferDecider create() {
        return new TransferDecider();
    }

    @Override
    public TransferState initialState() {
        return TransferState.initial();
    }

    @Override
    public Decision<TransferEvent> decide(TransferCommand command, TransferState state) {
        if (!(command instanceof StartTransfer) && state instanceof NotStarted) {
            return Decision.reject("transfer-not-found", "transfer " + command.transferId() + " was never started");
        }
        return switch (command) {
            case StartTransfer start -> start(start, state);
            case RecordDebit debit -> recordDebit(debit, state);
            case CompleteTransfer complete -> complete(complete, state);
            case FailTransfer fail -> fail(fail, state);
        };
    }

    private static Decision<TransferEvent> start(StartTransfer command, TransferState state) {
        if (command.amount() <= 0) {
            return Decision.reject("invalid-amount", "a transfer must move a positive amount, not " + command.amount());
        }
        if (command.from().equals(command.to())) {
            return Decision.reject(
                    "same-account", "a transfer needs two different accounts, not " + command.from() + " twice");
        }
        if (!(state instanceof NotStarted)) {
            return Decision.reject("transfer-exists", "transfer " + command.transferId() + " was started before");
        }
        return Decision.accept(
                new TransferStarted(command.transferId(), command.from(), command.to(), command.amount()));
    }

    private static Decision<TransferEvent> recordDebit(RecordDebit command, TransferState state) {
        return switch (state) {
            case Pending pending when pending.debited() -> Decision.accept();
            case Pending pending -> Decision.accept(new TransferDebited());
            case Completed completed -> Decision.accept();
            default -> notPending(command, state);
        };
    }

    private static Decision<TransferEvent> complete(CompleteTransfer command, TransferState state) {
        return switch (state) {
            case Pending pending when pending.debited() -> Decision.accept(new TransferCompleted());
            case Pending pending ->
                Decision.reject(
                        "transfer-not-debited",
                        "transfer " + command.transferId() + " cannot complete before its debit is recorded");
            case Completed completed -> Decision.accept();
            default -> notPending(command, state);
        };
    }

    private static Decision<TransferEvent> fail(FailTransfer command, TransferState state) {
        if (command.reason().isBlank()) {
            return Decision.reject("invalid-reason", "say why transfer " + command.transferId() + " failed");
        }
        return switch (state) {
            case Pending pending -> Decision.accept(new TransferFailed(command.reason()));
            case Failed failed -> Decision.accept();
            default -> notPending(command, state);
        };
    }

    private static Decision<TransferEvent> notPending(TransferCommand command, TransferState state) {
        String status = state instanceof Completed ? "completed" : "failed";
        return Decision.reject("transfer-not-pending", "transfer " + command.transferId() + " has already " + status);
    }

    @Override
    public TransferState evolve(TransferState state, TransferEvent event) {
        return switch (event) {
            case TransferStarted started ->
                new Pending(new Terms(started.transferId(), started.from(), started.to(), started.amount()), false);
            case TransferDebited debited -> new Pending(pending(state, event).terms(), true);
            case TransferCompleted completed ->
                new Completed(pending(state, event).terms());
            case TransferFailed failed -> new Failed(pending(state, event).terms(), failed.reason());
        };
    }

    private static Pending pending(TransferState state, TransferEvent event) {
        if (state instanceof Pending pending) {
            return pending;
        }
        throw new IllegalStateException(event + " cannot follow " + state + ": the stream is out of order");
    }

    @Override
    public boolean isTerminal(TransferState state) {
        return state instanceof Completed || state instanceof Failed;
    }
}
