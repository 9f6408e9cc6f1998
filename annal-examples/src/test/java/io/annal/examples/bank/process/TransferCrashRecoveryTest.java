package io.annal.examples.bank.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.TransferState;
import io.annal.examples.process.Crash;
import io.annal.process.CommandRouter;
import io.annal.process.ProcessRuntime;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R8: the process dies right before sending its k-th command (its input is saved, the command not
 * sent) or right after (the command took effect, its outcome is not saved). A new runtime on the
 * reopened store finishes the transfer, and every step has taken effect exactly once.
 */
class TransferCrashRecoveryTest {

    enum CrashPoint {
        BEFORE_SEND,
        AFTER_SEND
    }

    /** Completing: Withdraw, RecordDebit, Deposit, CompleteTransfer. */
    private static final int COMPLETING_COMMANDS = 4;

    /** Refunding: Withdraw, RecordDebit, Deposit (refused), Deposit (refund), FailTransfer. */
    private static final int REFUNDING_COMMANDS = 5;

    @TempDir
    Path dir;

    static Stream<Arguments> crashes() {
        List<Arguments> all = new ArrayList<>();
        for (CrashPoint point : CrashPoint.values()) {
            for (int k = 1; k <= COMPLETING_COMMANDS; k++) {
                all.add(Arguments.of(false, k, point));
            }
            for (int k = 1; k <= REFUNDING_COMMANDS; k++) {
                all.add(Arguments.of(true, k, point));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "target closed {0}, crash {2} command {1}")
    @MethodSource("crashes")
    void every_step_takes_effect_once_across_a_crash(boolean targetClosed, int crashAt, CrashPoint point) {
        try (EmbeddedEventStore store = open()) {
            Bank bank = new Bank(store);
            bank.open("a", 100);
            bank.open("b", 0);
            if (targetClosed) {
                bank.accounts.handle(new AccountCommand.CloseAccount("b"));
            }
            AtomicInteger sent = new AtomicInteger();
            CommandRouter<Object> real = TransferProcessRuntime.router(bank.accounts, bank.transfers);
            CommandRouter<Object> router = (command, context) -> {
                var result = real.send(command, context);
                if (point == CrashPoint.AFTER_SEND && sent.incrementAndGet() == crashAt) {
                    throw new Crash("after sending " + command);
                }
                return result;
            };
            AtomicInteger asked = new AtomicInteger();
            ProcessRuntime<?, ?, ?> crashing = TransferProcessRuntime.builder(store, router, Duration.ofHours(1))
                    .beforeSend(command -> {
                        if (point == CrashPoint.BEFORE_SEND && asked.incrementAndGet() == crashAt) {
                            throw new Crash("before sending " + command.command());
                        }
                    })
                    .onUndelivered((command, e) -> {
                        if (e instanceof Crash crash) {
                            throw crash;
                        }
                    })
                    .onFailure(e -> {})
                    .tickEvery(Duration.ofHours(1))
                    .build()
                    .start();
            bank.startTransfer("t-1", "a", "b", 30);
            await().until(() -> crashing.failure().isPresent());
            crashing.close();
            assertThat(crashing.failure()).containsInstanceOf(Crash.class);
        }

        try (EmbeddedEventStore store = open()) {
            Bank bank = new Bank(store);
            try (ProcessRuntime<?, ?, ?> runtime = TransferProcessRuntime.builder(
                            store, TransferProcessRuntime.router(bank.accounts, bank.transfers), Duration.ofHours(1))
                    .tickEvery(Duration.ofHours(1))
                    .build()
                    .start()) {
                await().untilAsserted(() -> assertThat(runtime.isDone("t-1")).isTrue());
            }

            if (targetClosed) {
                assertThat(bank.types(Bank.account("a")))
                        .containsExactly("AccountOpened", "Deposited", "Withdrew", "Deposited");
                assertThat(bank.types(Bank.account("b"))).containsExactly("AccountOpened", "AccountClosed");
                assertThat(bank.types(Bank.transfer("t-1")))
                        .containsExactly("TransferStarted", "TransferDebited", "TransferFailed");
                assertThat(bank.balance("a")).isEqualTo(100);
            } else {
                assertThat(bank.types(Bank.account("a"))).containsExactly("AccountOpened", "Deposited", "Withdrew");
                assertThat(bank.types(Bank.account("b"))).containsExactly("AccountOpened", "Deposited");
                assertThat(bank.transferState("t-1")).isInstanceOf(TransferState.Completed.class);
                assertThat(bank.balance("a")).isEqualTo(70);
                assertThat(bank.balance("b")).isEqualTo(30);
            }
        }
    }

    private EmbeddedEventStore open() {
        return EmbeddedEventStore.open(EmbeddedStoreConfig.of(dir));
    }
}
