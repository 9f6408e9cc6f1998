package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.Bank.Deposit;
import io.annal.command.Bank.Open;
import io.annal.store.EventStore;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int CALLERS = 16;
    private static final int COMMANDS_EACH = 20;

    private final EventStore store = Runtime.store();

    @Test
    void sixteen_callers_on_one_stream_lose_no_update() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("ConcurrencyTest seed: " + seed);
        var handler = Runtime.bank(store)
                .random(new Random(seed))
                .retry(new RetryPolicy(1_000, Duration.ZERO, Duration.ofMillis(1)))
                .build();
        handler.handle(new Open("a1", "ada"));
        AtomicInteger next = new AtomicInteger();

        List<Long> deposited = IdempotencyTest.race(CALLERS, () -> {
            long sum = 0;
            for (int i = 0; i < COMMANDS_EACH; i++) {
                long amount = next.incrementAndGet();
                if (handler.handle(new Deposit("a1", amount)) instanceof CommandResult.Accepted) {
                    sum += amount;
                }
            }
            return sum;
        });

        int total = CALLERS * COMMANDS_EACH;
        assertThat(deposited.stream().mapToLong(Long::longValue).sum()).isEqualTo((long) total * (total + 1) / 2);
        assertThat(handler.load(Bank.stream("a1")).state().balance()).isEqualTo((long) total * (total + 1) / 2);
    }

    @Test
    void callers_of_one_handler_take_turns_on_a_stream_and_never_conflict() throws Exception {
        var handler = Runtime.bank(store).retry(RetryPolicy.none()).build();
        handler.handle(new Open("a1", "ada"));

        List<Long> deposited = IdempotencyTest.race(CALLERS, () -> {
            long sum = 0;
            for (int i = 0; i < COMMANDS_EACH; i++) {
                CommandResult result = handler.handle(new Deposit("a1", 1));
                assertThat(result).isInstanceOf(CommandResult.Accepted.class);
                sum++;
            }
            return sum;
        });

        assertThat(deposited.stream().mapToLong(Long::longValue).sum()).isEqualTo(CALLERS * COMMANDS_EACH);
        assertThat(handler.load(Bank.stream("a1")).state().balance()).isEqualTo(CALLERS * COMMANDS_EACH);
    }

    @Test
    void when_retries_run_out_the_conflict_is_reported_and_nothing_is_lost() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("ConcurrencyTest seed: " + seed);
        Runtime.bank(store).build().handle(new Open("a1", "ada"));
        AtomicInteger conflicts = new AtomicInteger();

        // Separate handlers, as in separate processes: each one's cache goes stale.
        List<Long> deposited = IdempotencyTest.race(CALLERS, () -> {
            var handler = Runtime.bank(store)
                    .random(new Random(seed))
                    .retry(RetryPolicy.none())
                    .build();
            long sum = 0;
            for (int i = 0; i < COMMANDS_EACH; i++) {
                switch (handler.handle(new Deposit("a1", 1))) {
                    case CommandResult.Accepted accepted -> sum++;
                    case CommandResult.Conflict conflict -> {
                        assertThat(conflict.attempts()).isEqualTo(1);
                        assertThat(conflict.currentVersion()).isPresent();
                        conflicts.incrementAndGet();
                    }
                    case CommandResult.Rejected rejected -> throw new AssertionError(rejected.toString());
                }
            }
            return sum;
        });

        long accepted = deposited.stream().mapToLong(Long::longValue).sum();
        assertThat(accepted + conflicts.get()).isEqualTo(CALLERS * COMMANDS_EACH);
        assertThat(Runtime.bank(store).build().load(Bank.stream("a1")).state().balance())
                .isEqualTo(accepted);
    }
}
