package io.annal.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.examples.bank.TransferCommand.CompleteTransfer;
import io.annal.examples.bank.TransferCommand.FailTransfer;
import io.annal.examples.bank.TransferCommand.RecordDebit;
import io.annal.examples.bank.TransferCommand.StartTransfer;
import io.annal.examples.bank.TransferEvent.TransferCompleted;
import io.annal.examples.bank.TransferEvent.TransferDebited;
import io.annal.examples.bank.TransferEvent.TransferFailed;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import io.annal.examples.bank.TransferState.Terms;
import io.annal.testing.DeciderFixture;
import org.junit.jupiter.api.Test;

class TransferDeciderTest {

    private static final TransferStarted STARTED = new TransferStarted("t-1", "a-1", "a-2", 30);
    private static final Terms TERMS = new Terms("t-1", "a-1", "a-2", 30);

    private final TransferDecider decider = TransferDecider.create();
    private final DeciderFixture<TransferCommand, TransferEvent, TransferState> transfer = DeciderFixture.of(decider);

    @Test
    void starting_a_transfer_records_transfer_started_and_leaves_it_pending() {
        transfer.given()
                .when(new StartTransfer("t-1", "a-1", "a-2", 30))
                .then(STARTED)
                .thenState(state -> assertThat(state).isEqualTo(new TransferState.Pending(TERMS, false)));
    }

    @Test
    void a_transfer_of_zero_or_less_is_rejected_with_invalid_amount() {
        transfer.given().when(new StartTransfer("t-1", "a-1", "a-2", 0)).thenRejectedWith("invalid-amount");
        transfer.given().when(new StartTransfer("t-1", "a-1", "a-2", -3)).thenRejectedWith("invalid-amount");
    }

    @Test
    void a_transfer_to_the_same_account_is_rejected_with_same_account() {
        transfer.given().when(new StartTransfer("t-1", "a-1", "a-1", 30)).thenRejectedWith("same-account");
    }

    @Test
    void starting_a_transfer_twice_is_rejected_with_transfer_exists() {
        transfer.given(STARTED).when(new StartTransfer("t-1", "a-1", "a-2", 30)).thenRejectedWith("transfer-exists");
    }

    @Test
    void a_step_of_a_transfer_never_started_is_rejected_with_transfer_not_found() {
        transfer.given().when(new RecordDebit("t-1")).thenRejectedWith("transfer-not-found");
        transfer.given().when(new CompleteTransfer("t-1")).thenRejectedWith("transfer-not-found");
        transfer.given().when(new FailTransfer("t-1", "no funds")).thenRejectedWith("transfer-not-found");
    }

    @Test
    void recording_the_debit_records_transfer_debited() {
        transfer.given(STARTED).when(new RecordDebit("t-1")).then(new TransferDebited());
    }

    @Test
    void recording_the_debit_again_changes_nothing() {
        transfer.given(STARTED, new TransferDebited())
                .when(new RecordDebit("t-1"))
                .thenNothingHappens();
    }

    @Test
    void completing_after_the_debit_records_transfer_completed() {
        transfer.given(STARTED, new TransferDebited())
                .when(new CompleteTransfer("t-1"))
                .then(new TransferCompleted())
                .thenState(state -> assertThat(state).isEqualTo(new TransferState.Completed(TERMS)));
    }

    @Test
    void completing_before_the_debit_is_rejected_with_transfer_not_debited() {
        transfer.given(STARTED).when(new CompleteTransfer("t-1")).thenRejectedWith("transfer-not-debited");
    }

    @Test
    void completing_again_changes_nothing() {
        transfer.given(STARTED, new TransferDebited(), new TransferCompleted())
                .when(new CompleteTransfer("t-1"))
                .thenNothingHappens();
    }

    @Test
    void failing_a_pending_transfer_records_transfer_failed_with_the_reason() {
        transfer.given(STARTED)
                .when(new FailTransfer("t-1", "insufficient-funds"))
                .then(new TransferFailed("insufficient-funds"))
                .thenState(state -> assertThat(state).isEqualTo(new TransferState.Failed(TERMS, "insufficient-funds")));
    }

    @Test
    void failing_without_a_reason_is_rejected_with_invalid_reason() {
        transfer.given(STARTED).when(new FailTransfer("t-1", "")).thenRejectedWith("invalid-reason");
    }

    @Test
    void failing_a_completed_transfer_is_rejected_with_transfer_not_pending() {
        transfer.given(STARTED, new TransferDebited(), new TransferCompleted())
                .when(new FailTransfer("t-1", "late"))
                .thenRejectedWith("transfer-not-pending", "transfer t-1 has already completed");
    }

    @Test
    void a_step_after_failure_is_rejected_with_transfer_not_pending() {
        transfer.given(STARTED, new TransferFailed("account-not-open"))
                .when(new RecordDebit("t-1"))
                .thenRejectedWith("transfer-not-pending", "transfer t-1 has already failed");
        transfer.given(STARTED, new TransferFailed("account-not-open"))
                .when(new CompleteTransfer("t-1"))
                .thenRejectedWith("transfer-not-pending");
    }

    @Test
    void failing_again_changes_nothing() {
        transfer.given(STARTED, new TransferFailed("x"))
                .when(new FailTransfer("t-1", "x"))
                .thenNothingHappens();
    }

    @Test
    void completed_and_failed_transfers_are_terminal() {
        assertThat(decider.isTerminal(transfer.given(STARTED).state())).isFalse();
        assertThat(decider.isTerminal(
                        transfer.given(STARTED, new TransferFailed("x")).state()))
                .isTrue();
        assertThat(decider.isTerminal(transfer.given(STARTED, new TransferDebited(), new TransferCompleted())
                        .state()))
                .isTrue();
    }
}
