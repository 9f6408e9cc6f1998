package io.annal.examples.bank.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.annal.examples.bank.TransferCommand.FailTransfer;
import io.annal.examples.bank.TransferState;
import io.annal.examples.process.Crash;
import io.annal.examples.process.MutableClock;
import io.annal.process.CommandRouter;
import io.annal.process.PendingCommand;
import io.annal.process.ProcessRuntime;
import io.annal.store.Direction;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransferProcessRuntimeTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private final Bank bank = new Bank(store);
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T10:00:00Z"));
    private final AtomicBoolean accountsDown = new AtomicBoolean();
    private ProcessRuntime<?, ?, ?> runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        store.close();
    }

    @Test
    void a_transfer_debits_the_source_credits_the_target_and_completes() {
        bank.open("a", 100);
        bank.open("b", 0);
        start();

        bank.startTransfer("t-1", "a", "b", 30);

        awaitEnded("t-1");
        assertThat(bank.transferState("t-1")).isInstanceOf(TransferState.Completed.class);
        assertThat(bank.balance("a")).isEqualTo(70);
        assertThat(bank.balance("b")).isEqualTo(30);
        assertThat(bank.types(Bank.transfer("t-1")))
                .containsExactly("TransferStarted", "TransferDebited", "TransferCompleted");
    }

    @Test
    void a_refused_debit_fails_the_transfer_and_moves_no_money() {
        bank.open("a", 10);
        bank.open("b", 0);
        start();

        bank.startTransfer("t-1", "a", "b", 30);

        awaitEnded("t-1");
        assertThat(bank.transferState("t-1"))
                .isEqualTo(
                        new TransferState.Failed(new TransferState.Terms("t-1", "a", "b", 30), "insufficient-funds"));
        assertThat(bank.types(Bank.account("a"))).containsExactly("AccountOpened", "Deposited");
        assertThat(bank.types(Bank.account("b"))).containsExactly("AccountOpened");
    }

    @Test
    void a_transfer_from_an_account_that_was_never_opened_fails() {
        bank.open("b", 0);
        start();

        bank.startTransfer("t-1", "nobody", "b", 30);

        awaitEnded("t-1");
        assertThat(bank.transferState("t-1"))
                .isInstanceOfSatisfying(
                        TransferState.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo("account-not-open"));
        assertThat(bank.balance("b")).isZero();
    }

    @Test
    void a_refused_credit_refunds_the_source_and_fails_the_transfer() {
        bank.open("a", 100);
        bank.open("closed", 0);
        bank.accounts.handle(new io.annal.examples.bank.AccountCommand.CloseAccount("closed"));
        start();

        bank.startTransfer("t-1", "a", "closed", 30);

        awaitEnded("t-1");
        assertThat(bank.transferState("t-1"))
                .isInstanceOfSatisfying(
                        TransferState.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo("credit-refused: account-not-open"));
        assertThat(bank.balance("a")).isEqualTo(100);
        assertThat(bank.types(Bank.account("a")))
                .containsExactly("AccountOpened", "Deposited", "Withdrew", "Deposited");
        assertThat(bank.types(Bank.transfer("t-1")))
                .containsExactly("TransferStarted", "TransferDebited", "TransferFailed");
    }

    @Test
    void a_transfer_whose_debit_cannot_be_delivered_fails_at_its_deadline_and_a_late_debit_is_refunded() {
        bank.open("a", 100);
        bank.open("b", 0);
        accountsDown.set(true);
        start();

        bank.startTransfer("t-1", "a", "b", 30);
        await().untilAsserted(() -> assertThat(bank.types(processStream("t-1"))).contains("TransferStarted"));
        runtime.tick();
        assertThat(bank.transferState("t-1")).isInstanceOf(TransferState.Pending.class);

        clock.advance(TIMEOUT.plusSeconds(1));
        runtime.tick();
        assertThat(bank.transferState("t-1"))
                .isInstanceOfSatisfying(
                        TransferState.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo("timed-out"));
        assertThat(bank.balance("a")).isEqualTo(100);

        accountsDown.set(false); // the withdrawal that was sent before the deadline now lands
        runtime.tick();
        assertThat(bank.types(Bank.account("a")))
                .containsExactly("AccountOpened", "Deposited", "Withdrew", "Deposited");
        assertThat(bank.balance("a")).isEqualTo(100);
        assertThat(bank.balance("b")).isZero();
        assertThat(runtime.isDone("t-1")).isTrue();
    }

    @Test
    void a_deadline_set_before_a_restart_fires_after_it() {
        bank.open("a", 100);
        bank.open("b", 0);
        accountsDown.set(true);
        start();
        bank.startTransfer("t-1", "a", "b", 30);
        await().untilAsserted(() -> assertThat(bank.types(processStream("t-1"))).contains("TransferStarted"));
        awaitCheckpointHolding(TransferProcess.TIMEOUT);
        runtime.close();

        clock.advance(TIMEOUT.plusSeconds(1));
        start();
        runtime.tick();

        assertThat(bank.transferState("t-1"))
                .isInstanceOfSatisfying(
                        TransferState.Failed.class,
                        failed -> assertThat(failed.reason()).isEqualTo("timed-out"));
    }

    @Test
    void a_crash_right_after_the_deadline_is_recorded_still_fails_the_transfer_once_after_a_restart() {
        bank.open("a", 100);
        bank.open("b", 0);
        accountsDown.set(true);
        AtomicBoolean crashOnFail = new AtomicBoolean(true);
        start(command -> {
            if (crashOnFail.get() && command.command() instanceof FailTransfer) {
                throw new Crash("before failing the transfer");
            }
        });
        bank.startTransfer("t-1", "a", "b", 30);
        await().untilAsserted(() -> assertThat(bank.types(processStream("t-1"))).contains("TransferStarted"));
        awaitCheckpointHolding(TransferProcess.TIMEOUT);

        clock.advance(TIMEOUT.plusSeconds(1));
        assertThatThrownBy(runtime::tick).isInstanceOf(Crash.class);
        runtime.close();
        crashOnFail.set(false);
        start();

        await().untilAsserted(() -> assertThat(bank.transferState("t-1")).isInstanceOf(TransferState.Failed.class));
        assertThat(bank.types(processStream("t-1")))
                .containsOnlyOnce("$deadline-reached")
                .endsWith("$command-accepted");
        assertThat(bank.types(Bank.transfer("t-1"))).containsExactly("TransferStarted", "TransferFailed");
    }

    @Test
    void a_completed_transfer_cancels_its_deadline() {
        bank.open("a", 100);
        bank.open("b", 0);
        start();
        bank.startTransfer("t-1", "a", "b", 30);
        awaitEnded("t-1");

        clock.advance(TIMEOUT.multipliedBy(2));
        runtime.tick();

        assertThat(bank.types(processStream("t-1"))).doesNotContain("$deadline-reached");
        assertThat(bank.transferState("t-1")).isInstanceOf(TransferState.Completed.class);
    }

    @Test
    void the_process_keeps_its_inputs_in_its_own_stream() {
        bank.open("a", 100);
        bank.open("b", 0);
        start();
        bank.startTransfer("t-1", "a", "b", 30);
        awaitEnded("t-1");

        // Withdraw, then RecordDebit and Deposit, then CompleteTransfer: each outcome is an input.
        assertThat(bank.types(processStream("t-1")))
                .containsExactly(
                        "TransferStarted",
                        "$command-accepted",
                        "$command-accepted",
                        "$command-accepted",
                        "$command-accepted");
        assertThat(runtime.isDone("t-1")).isTrue();
    }

    private void start() {
        start(command -> {});
    }

    private void start(Consumer<PendingCommand<Object>> beforeSend) {
        CommandRouter<Object> real = TransferProcessRuntime.router(bank.accounts, bank.transfers);
        CommandRouter<Object> router = (command, context) -> {
            if (accountsDown.get() && command instanceof io.annal.examples.bank.AccountCommand) {
                throw new IllegalStateException("accounts are unavailable");
            }
            return real.send(command, context);
        };
        runtime = TransferProcessRuntime.builder(store, router, TIMEOUT)
                .clock(clock)
                .tickEvery(Duration.ofHours(1)) // the tests tick by hand
                .onUndelivered((command, e) -> {})
                .beforeSend(beforeSend)
                .build()
                .start();
    }

    private void awaitEnded(String transferId) {
        await().untilAsserted(() -> assertThat(bank.transferState(transferId))
                .isInstanceOfAny(TransferState.Completed.class, TransferState.Failed.class));
        await().untilAsserted(() -> assertThat(runtime.isDone(transferId)).isTrue());
    }

    /** Ticks until the saved checkpoint holds the deadline, so a restart must find it there. */
    private void awaitCheckpointHolding(String deadline) {
        StreamName checkpoint = StreamName.system("$checkpoint-process-" + TransferProcessRuntime.NAME);
        await().untilAsserted(() -> {
            runtime.tick();
            assertThat(store.readStream(checkpoint, Long.MAX_VALUE, Direction.BACKWARD, 1)
                            .events()
                            .getFirst()
                            .dataAsString())
                    .contains("\"name\":\"" + deadline + "\"");
        });
    }

    static StreamName processStream(String transferId) {
        return StreamName.system("$process-" + TransferProcessRuntime.NAME + "-" + transferId);
    }
}
