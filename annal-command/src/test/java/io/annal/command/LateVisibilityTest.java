package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.Bank.Deposit;
import io.annal.command.Bank.Open;
import io.annal.store.EventStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A store may refuse an append for a rival's write that it has accepted but not yet made readable
 * (the embedded store does until the rival's group commit is durable). Retries must wait for that
 * write instead of spending every attempt on the state before it.
 */
class LateVisibilityTest {

    private final EventStore store = Runtime.store();
    private final LateReads late = new LateReads(store);

    @Test
    void a_retry_waits_until_the_write_it_conflicted_with_can_be_read() {
        var handler = Runtime.bank(late)
                .retry(new RetryPolicy(5, Duration.ZERO, Duration.ZERO))
                .build();
        handler.handle(new Open("a1", "ada")); // cached at version 0
        Runtime.bank(store).build().handle(new Deposit("a1", 5)); // the rival: version 1
        late.hideFrom(Bank.stream("a1"), 1, 20); // readable only from the 20th read on

        CommandResult result = handler.handle(new Deposit("a1", 7));

        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        assertThat(((CommandResult.Accepted) result).version()).hasValue(2);
        assertThat(Runtime.bank(store).build().load(Bank.stream("a1")).state().balance())
                .isEqualTo(12);
    }

    @Test
    void a_write_that_never_becomes_readable_still_ends_in_a_conflict() {
        var handler = Runtime.bank(late)
                .retry(new RetryPolicy(2, Duration.ZERO, Duration.ZERO))
                .build();
        handler.handle(new Open("a1", "ada"));
        Runtime.bank(store).build().handle(new Deposit("a1", 5));
        late.hideFrom(Bank.stream("a1"), 1, Integer.MAX_VALUE);

        CommandResult result = handler.handle(new Deposit("a1", 7));

        assertThat(result).isInstanceOf(CommandResult.Conflict.class);
        assertThat(((CommandResult.Conflict) result).currentVersion()).hasValue(1L);
    }
}
