package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.Bank.Account;
import io.annal.command.Bank.Deposit;
import io.annal.command.Bank.Open;
import io.annal.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TemporalLoadTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Runtime.T0);
    private final EventStore store = Runtime.store(now::get);
    private final CommandHandler<Bank.Command, Bank.Event, Account> handler = Runtime.bank(store)
            .snapshots(new Bank.Serializer(), 1)
            .snapshotPolicy(SnapshotPolicy.everyEvents(2))
            .build();

    /** a1 opened at T0, then deposits of 1, 2 and 3 one minute apart (versions 1 to 3). */
    private void history() {
        handler.handle(new Open("a1", "ada"));
        for (int amount = 1; amount <= 3; amount++) {
            now.set(Runtime.T0.plus(Duration.ofMinutes(amount)));
            handler.handle(new Deposit("a1", amount));
        }
    }

    @Test
    void the_state_as_of_a_version_folds_the_stream_up_to_it() {
        history();

        assertThat(handler.loadAtVersion(Bank.stream("a1"), 0).state()).isEqualTo(new Account(true, false, 0));
        assertThat(handler.loadAtVersion(Bank.stream("a1"), 2))
                .satisfies(s -> assertThat(s.version()).isEqualTo(OptionalLong.of(2)))
                .satisfies(s -> assertThat(s.state().balance()).isEqualTo(3));
        assertThat(handler.loadAtVersion(Bank.stream("a1"), 99).state().balance())
                .isEqualTo(6);
    }

    @Test
    void the_state_as_of_an_instant_folds_the_events_recorded_until_then() {
        history();
        Instant halfPastTwo = Runtime.T0.plus(Duration.ofSeconds(150));

        assertThat(handler.loadAsOf(Bank.stream("a1"), halfPastTwo))
                .satisfies(s -> assertThat(s.version()).isEqualTo(OptionalLong.of(2)))
                .satisfies(s -> assertThat(s.state().balance()).isEqualTo(3));
        assertThat(handler.loadAsOf(Bank.stream("a1"), Runtime.T0.minusSeconds(1))
                        .version())
                .isEmpty();
        assertThat(handler.loadAsOf(Bank.stream("a1"), Runtime.T0.plus(Duration.ofHours(1)))
                        .state()
                        .balance())
                .isEqualTo(6);
    }

    @Test
    void a_stream_that_does_not_exist_loads_as_the_initial_state() {
        var loaded = handler.load(Bank.stream("nobody"));

        assertThat(loaded.state()).isEqualTo(Account.NEW);
        assertThat(loaded.version()).isEmpty();
        assertThat(handler.loadAtVersion(Bank.stream("nobody"), 3).version()).isEmpty();
        assertThat(handler.loadAsOf(Bank.stream("nobody"), Runtime.T0).version())
                .isEmpty();
    }
}
