package io.annal.examples.bank.process;

import static io.annal.process.ProcessAction.cancel;
import static io.annal.process.ProcessAction.schedule;
import static io.annal.process.ProcessAction.send;

import io.annal.domain.ProcessManager;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.Withdraw;
import io.annal.examples.bank.TransferCommand.CompleteTransfer;
import io.annal.examples.bank.TransferCommand.FailTransfer;
import io.annal.examples.bank.TransferCommand.RecordDebit;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import io.annal.examples.bank.TransferState.Terms;
import io.annal.examples.bank.process.TransferProcessState.Crediting;
import io.annal.examples.bank.process.TransferProcessState.Debiting;
import io.annal.examples.bank.process.TransferProcessState.Ending;
import io.annal.examples.bank.process.TransferProcessState.Idle;
import io.annal.examples.bank.process.TransferProcessState.Refunding;
import io.annal.examples.process.Transition;
import io.annal.process.ProcessAction;
import io.annal.process.ProcessInput;
import io.annal.process.ProcessInput.CommandAccepted;
import io.annal.process.ProcessInput.CommandRejected;
import io.annal.process.ProcessInput.DeadlineReached;
import io.annal.process.ProcessInput.Observed;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves the money of one transfer: on {@code TransferStarted} it withdraws from the source; once
 * debited it records the debit and deposits to the target; then it completes the transfer. A
 * refused withdrawal fails the transfer; a refused deposit first refunds the source. A transfer
 * whose withdrawal has no answer by the {@value #TIMEOUT} deadline fails as {@code timed-out}; a
 * withdrawal that still goes through later is refunded. Once the source is debited the deadline
 * no longer fails the transfer: the money must arrive or come back, and both need an answer.
 */
public final class TransferProcess
        implements ProcessManager<ProcessInput<TransferEvent, Object>, TransferProcessState, ProcessAction<Object>> {

    /** The name of the deadline that fails a transfer stuck too long. */
    public static final String TIMEOUT = "timeout";

    private final Duration timeout;

    private TransferProcess(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A process that fails transfers whose debit has no answer after {@code timeout}. */
    public static TransferProcess create(Duration timeout) {
        return new TransferProcess(timeout);
    }

    @Override
    public TransferProcessState initialState() {
        return TransferProcessState.initial();
    }

    @Override
    public List<ProcessAction<Object>> react(ProcessInput<TransferEvent, Object> input, TransferProcessState state) {
        return step(state, input).actions();
    }

    @Override
    public TransferProcessState evolve(TransferProcessState state, ProcessInput<TransferEvent, Object> input) {
        return step(state, input).next();
    }

    @Override
    public boolean isTerminal(TransferProcessState state) {
        return state instanceof Ending ending && ending.recorded() && !ending.debitOutstanding();
    }

    Transition<TransferProcessState, Object> step(
            TransferProcessState state, ProcessInput<TransferEvent, Object> input) {
        return switch (state) {
            case Idle idle -> start(input, idle);
            case Debiting debiting -> debiting(debiting, input);
            case Crediting crediting -> crediting(crediting, input);
            case Refunding refunding -> refunding(refunding, input);
            case Ending ending -> ending(ending, input);
        };
    }

    private Transition<TransferProcessState, Object> start(ProcessInput<TransferEvent, Object> input, Idle idle) {
        if (input instanceof Observed<TransferEvent, Object>(TransferStarted started)) {
            Terms terms = new Terms(started.transferId(), started.from(), started.to(), started.amount());
            return Transition.to(
                    new Debiting(terms), send(new Withdraw(terms.from(), terms.amount())), schedule(TIMEOUT, timeout));
        }
        return Transition.to(idle);
    }

    private static Transition<TransferProcessState, Object> debiting(
            Debiting state, ProcessInput<TransferEvent, Object> input) {
        Terms terms = state.terms();
        return switch (input) {
            case CommandAccepted<TransferEvent, Object>(Withdraw withdraw) ->
                Transition.to(
                        new Crediting(terms),
                        send(new RecordDebit(terms.transferId())),
                        send(new Deposit(terms.to(), terms.amount())));
            case CommandRejected<TransferEvent, Object>(Withdraw withdraw, var rejection) ->
                fail(terms, rejection.code(), false);
            case DeadlineReached<TransferEvent, Object> reached -> fail(terms, "timed-out", true);
            default -> Transition.to(state);
        };
    }

    private static Transition<TransferProcessState, Object> crediting(
            Crediting state, ProcessInput<TransferEvent, Object> input) {
        Terms terms = state.terms();
        return switch (input) {
            case CommandAccepted<TransferEvent, Object>(Deposit deposit) ->
                Transition.to(
                        new Ending(terms, Optional.empty(), false, false),
                        send(new CompleteTransfer(terms.transferId())),
                        cancel(TIMEOUT));
            case CommandRejected<TransferEvent, Object>(Deposit deposit, var rejection) ->
                Transition.to(
                        new Refunding(terms, "credit-refused: " + rejection.code()),
                        send(new Deposit(terms.from(), terms.amount())));
            default -> Transition.to(state);
        };
    }

    private static Transition<TransferProcessState, Object> refunding(
            Refunding state, ProcessInput<TransferEvent, Object> input) {
        return switch (input) {
            case CommandAccepted<TransferEvent, Object>(Deposit refund) -> fail(state.terms(), state.reason(), false);
            case CommandRejected<TransferEvent, Object>(Deposit refund, var rejection) ->
                fail(state.terms(), state.reason() + "; refund-refused: " + rejection.code(), false);
            default -> Transition.to(state);
        };
    }

    private static Transition<TransferProcessState, Object> ending(
            Ending state, ProcessInput<TransferEvent, Object> input) {
        return switch (input) {
            case CommandAccepted<TransferEvent, Object>(CompleteTransfer complete) ->
                Transition.to(state.withRecorded());
            case CommandAccepted<TransferEvent, Object>(FailTransfer fail) -> Transition.to(state.withRecorded());
            case CommandRejected<TransferEvent, Object>(CompleteTransfer complete, var rejection) ->
                Transition.to(state.withRecorded());
            case CommandRejected<TransferEvent, Object>(FailTransfer fail, var rejection) ->
                Transition.to(state.withRecorded());
            case CommandAccepted<TransferEvent, Object>(Withdraw late)
            when state.debitOutstanding() ->
                Transition.to(
                        state.debitAnswered(),
                        send(new Deposit(state.terms().from(), state.terms().amount())));
            case CommandRejected<TransferEvent, Object>(Withdraw late, var rejection)
            when state.debitOutstanding() -> Transition.to(state.debitAnswered());
            default -> Transition.to(state);
        };
    }

    private static Transition<TransferProcessState, Object> fail(Terms terms, String reason, boolean debitOutstanding) {
        return Transition.to(
                new Ending(terms, Optional.of(reason), false, debitOutstanding),
                send(new FailTransfer(terms.transferId(), reason)),
                cancel(TIMEOUT));
    }
}
