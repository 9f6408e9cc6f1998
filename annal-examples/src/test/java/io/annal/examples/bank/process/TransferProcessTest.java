package io.annal.examples.bank.process;

import static io.annal.process.ProcessAction.cancel;
import static io.annal.process.ProcessAction.schedule;
import static io.annal.process.ProcessAction.send;

import io.annal.domain.Rejection;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.Withdraw;
import io.annal.examples.bank.TransferCommand.FailTransfer;
import io.annal.examples.bank.TransferCommand.RecordDebit;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import io.annal.process.ProcessAction;
import io.annal.process.ProcessInput;
import io.annal.testing.ProcessManagerFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The transfer process as a pure function, with the users' given/when/then fixture. */
class TransferProcessTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final ProcessInput<TransferEvent, Object> STARTED =
            ProcessInput.observed(new TransferStarted("t-1", "a", "b", 30));

    private final ProcessManagerFixture<
                    ProcessInput<TransferEvent, Object>, TransferProcessState, ProcessAction<Object>>
            fixture = ProcessManagerFixture.of(TransferProcess.create(TIMEOUT));

    @Test
    void a_start_withdraws_from_the_source_and_sets_the_deadline() {
        fixture.when(STARTED).then(send(new Withdraw("a", 30)), schedule(TransferProcess.TIMEOUT, TIMEOUT));
    }

    @Test
    void a_debit_is_recorded_and_credited_to_the_target() {
        fixture.given(STARTED)
                .when(ProcessInput.accepted(new Withdraw("a", 30)))
                .then(send(new RecordDebit("t-1")), send(new Deposit("b", 30)));
    }

    @Test
    void a_refused_credit_is_refunded_before_the_transfer_fails() {
        var refused = ProcessInput.<TransferEvent, Object>rejected(
                new Deposit("b", 30), Rejection.of("account-not-open", "account b is closed"));
        fixture.given(STARTED, ProcessInput.accepted(new Withdraw("a", 30)))
                .when(refused)
                .then(send(new Deposit("a", 30)));
        fixture.given(STARTED, ProcessInput.accepted(new Withdraw("a", 30)), refused)
                .when(ProcessInput.accepted(new Deposit("a", 30)))
                .then(
                        send(new FailTransfer("t-1", "credit-refused: account-not-open")),
                        cancel(TransferProcess.TIMEOUT));
    }

    @Test
    void the_deadline_after_the_debit_fails_nothing_because_the_money_is_on_its_way() {
        fixture.given(STARTED, ProcessInput.accepted(new Withdraw("a", 30)))
                .when(ProcessInput.deadlineReached(TransferProcess.TIMEOUT))
                .thenNothingIsSent();
    }
}
