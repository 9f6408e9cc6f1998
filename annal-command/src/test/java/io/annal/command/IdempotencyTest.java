package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.Bank.Deposit;
import io.annal.command.Bank.Open;
import io.annal.command.Bank.Withdraw;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    private final EventStore store = Runtime.store();

    @Test
    void a_repeated_command_returns_the_first_outcome_and_appends_nothing() {
        var handler = Runtime.bank(store).build();
        handler.handle(new Open("a1", "ada"));

        var first = (CommandResult.Accepted) handler.handle(new Deposit("a1", 50), CommandContext.withCommandId("k1"));
        var again = (CommandResult.Accepted) handler.handle(new Deposit("a1", 50), CommandContext.withCommandId("k1"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(again.append().orElseThrow().lastPosition())
                .isEqualTo(first.append().orElseThrow().lastPosition());
        assertThat(balance(handler)).isEqualTo(50);
        assertThat(events("a1")).hasSize(2);
    }

    @Test
    void the_first_outcome_survives_a_restart() {
        Runtime.bank(store).build().handle(new Open("a1", "ada"), CommandContext.withCommandId("open-a1"));
        Runtime.bank(store).build().handle(new Deposit("a1", 50), CommandContext.withCommandId("dep-1"));

        var restarted = Runtime.bank(store).build(); // a new process: empty cache, same store
        var replayed = restarted.handle(new Deposit("a1", 50), CommandContext.withCommandId("dep-1"));

        assertThat(replayed).isInstanceOfSatisfying(CommandResult.Accepted.class, r -> {
            assertThat(r.replayed()).isTrue();
            assertThat(r.events()).singleElement().extracting(e -> e.type()).isEqualTo("Deposited");
        });
        assertThat(balance(restarted)).isEqualTo(50);
    }

    @Test
    void a_rejection_is_recorded_too_and_replayed_even_when_the_command_would_now_pass() {
        var handler = Runtime.bank(store).build();
        handler.handle(new Open("a1", "ada"));
        handler.handle(new Withdraw("a1", 30), CommandContext.withCommandId("w1"));
        handler.handle(new Deposit("a1", 100));

        var again = Runtime.bank(store).build().handle(new Withdraw("a1", 30), CommandContext.withCommandId("w1"));

        assertThat(again).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> {
            assertThat(r.replayed()).isTrue();
            assertThat(r.rejection().code()).isEqualTo("insufficient-funds");
        });
        assertThat(balance(handler)).isEqualTo(100);
    }

    @Test
    void a_no_op_is_recorded_with_its_version() {
        var handler = Runtime.bank(store).build();
        handler.handle(new Open("a1", "ada"));
        handler.handle(new Deposit("a1", 0), CommandContext.withCommandId("noop"));

        var again = (CommandResult.Accepted) handler.handle(new Deposit("a1", 0), CommandContext.withCommandId("noop"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(again.version()).hasValue(0);
    }

    @Test
    void identical_commands_racing_append_once() throws Exception {
        Runtime.bank(store).build().handle(new Open("a1", "ada"));
        int callers = 16;
        List<CommandResult> results = race(
                callers,
                () -> Runtime.bank(store)
                        .cacheSize(0)
                        .build()
                        .handle(new Deposit("a1", 7), CommandContext.withCommandId("same")));

        assertThat(results).hasSize(callers).allMatch(r -> r instanceof CommandResult.Accepted);
        assertThat(results.stream().filter(r -> !((CommandResult.Accepted) r).replayed()))
                .hasSize(1);
        assertThat(events("a1")).extracting(RecordedEvent::type).containsExactly("Opened", "Deposited");
    }

    @Test
    void a_conflict_is_not_recorded_so_the_same_id_can_be_sent_again() {
        var stale = Runtime.bank(store).retry(RetryPolicy.none()).build();
        stale.handle(new Open("a1", "ada")); // cached at version 0
        Runtime.bank(store).build().handle(new Deposit("a1", 1)); // moves the stream on

        var first = stale.handle(new Deposit("a1", 5), CommandContext.withCommandId("k"));
        var second = stale.handle(new Deposit("a1", 5), CommandContext.withCommandId("k"));

        assertThat(first).isInstanceOf(CommandResult.Conflict.class);
        assertThat(second)
                .isInstanceOfSatisfying(
                        CommandResult.Accepted.class,
                        r -> assertThat(r.replayed()).isFalse());
        assertThat(balance(stale)).isEqualTo(6);
    }

    @Test
    void long_or_odd_command_ids_still_get_their_own_record() {
        var handler = Runtime.bank(store).build();
        handler.handle(new Open("a1", "ada"));
        String longId = "x".repeat(CommandContext.MAX_COMMAND_ID_LENGTH);
        String oddId = "line\nbreak";

        handler.handle(new Deposit("a1", 1), CommandContext.withCommandId(longId));
        handler.handle(new Deposit("a1", 2), CommandContext.withCommandId(oddId));
        handler.handle(new Deposit("a1", 1), CommandContext.withCommandId(longId));
        handler.handle(new Deposit("a1", 2), CommandContext.withCommandId(oddId));

        assertThat(balance(handler)).isEqualTo(3);
    }

    private long balance(CommandHandler<Bank.Command, Bank.Event, Bank.Account> handler) {
        return handler.load(Bank.stream("a1")).state().balance();
    }

    private List<RecordedEvent> events(String account) {
        return store.readStream(Bank.stream(account), 0, Direction.FORWARD, 100).events();
    }

    static <T> List<T> race(int callers, Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
