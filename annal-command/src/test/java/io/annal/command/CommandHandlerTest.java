package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.Bank.Account;
import io.annal.command.Bank.Deposit;
import io.annal.command.Bank.Open;
import io.annal.command.Bank.Withdraw;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.MetadataKeys;
import io.annal.store.RecordedEvent;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {

    private final EventStore store = Runtime.store();
    private final CommandHandler<Bank.Command, Bank.Event, Account> handler =
            Runtime.bank(store).build();

    @Test
    void an_accepted_command_appends_its_events_and_reports_where() {
        var opened = (CommandResult.Accepted) handler.handle(new Open("a1", "ada"));
        var deposited = (CommandResult.Accepted) handler.handle(new Deposit("a1", 50));

        assertThat(opened.version()).isEqualTo(OptionalLong.of(0));
        assertThat(deposited.version()).isEqualTo(OptionalLong.of(1));
        assertThat(deposited.events()).singleElement().extracting(e -> e.type()).isEqualTo("Deposited");
        assertThat(deposited.append())
                .get()
                .satisfies(r -> assertThat(r.firstVersion()).isEqualTo(1));
        assertThat(deposited.position()).isPresent();
        assertThat(deposited.replayed()).isFalse();
        assertThat(events("a1")).extracting(RecordedEvent::type).containsExactly("Opened", "Deposited");
    }

    @Test
    void a_rejection_returns_its_code_and_message_and_appends_nothing() {
        handler.handle(new Open("a1", "ada"));

        var result = handler.handle(new Withdraw("a1", 10));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> {
            assertThat(r.rejection().code()).isEqualTo("insufficient-funds");
            assertThat(r.rejection().message()).isEqualTo("balance is 0");
        });
        assertThat(events("a1")).hasSize(1);
    }

    @Test
    void a_valid_command_that_changes_nothing_appends_nothing() {
        handler.handle(new Open("a1", "ada"));

        var result = (CommandResult.Accepted) handler.handle(new Deposit("a1", 0));

        assertThat(result.events()).isEmpty();
        assertThat(result.append()).isEmpty();
        assertThat(result.version()).isEqualTo(OptionalLong.of(0));
        assertThat(events("a1")).hasSize(1);
    }

    @Test
    void every_event_carries_correlation_causation_user_and_time() {
        var context =
                CommandContext.withCommandId("cmd-1").correlationId("corr-9").userId("ada");

        handler.handle(new Open("a1", "ada"), context);

        Map<String, Object> meta = FlatJson.read(events("a1").getFirst().metadata());
        assertThat(meta)
                .containsEntry(MetadataKeys.CORRELATION_ID, "corr-9")
                .containsEntry(MetadataKeys.CAUSATION_ID, "cmd-1")
                .containsEntry(MetadataKeys.USER_ID, "ada")
                .containsEntry(CommandMetadata.COMMAND_ID, "cmd-1")
                .containsEntry(CommandMetadata.ISSUED_AT, Runtime.T0.toString());
    }

    @Test
    void without_a_context_a_command_correlates_with_itself_and_a_cause_can_be_named() {
        handler.handle(new Open("a1", "ada"));
        handler.handle(new Deposit("a1", 5), CommandContext.none().causationId("event-7"));

        List<RecordedEvent> events = events("a1");
        Map<String, Object> first = FlatJson.read(events.get(0).metadata());
        Map<String, Object> second = FlatJson.read(events.get(1).metadata());
        assertThat(first.get(MetadataKeys.CORRELATION_ID))
                .isEqualTo(first.get(MetadataKeys.CAUSATION_ID))
                .isEqualTo(first.get(CommandMetadata.COMMAND_ID));
        assertThat(first).doesNotContainKey(MetadataKeys.USER_ID);
        assertThat(second).containsEntry(MetadataKeys.CAUSATION_ID, "event-7");
    }

    @Test
    void a_state_cached_by_another_handler_is_never_trusted_blindly() {
        var other = Runtime.bank(store).build();
        handler.handle(new Open("a1", "ada"));
        handler.handle(new Deposit("a1", 10)); // cached here at version 1

        other.handle(new Deposit("a1", 100)); // another process moves the stream on

        // A stale append is refused by the version check and retried on fresh state...
        assertThat(handler.handle(new Withdraw("a1", 105))).isInstanceOf(CommandResult.Accepted.class);
        other.handle(new Deposit("a1", 200));
        // ...and a stale state is re-read before it may reject.
        assertThat(handler.handle(new Withdraw("a1", 150))).isInstanceOf(CommandResult.Accepted.class);
        assertThat(handler.load(Bank.stream("a1")).state().balance()).isEqualTo(55);
    }

    @Test
    void a_soft_deleted_stream_starts_again_from_the_initial_state() {
        handler.handle(new Open("a1", "ada"));
        handler.handle(new Deposit("a1", 10));
        store.delete(Bank.stream("a1"), ExpectedVersion.any());

        var reopened = (CommandResult.Accepted) handler.handle(new Open("a1", "bob"));

        assertThat(reopened.version()).isEqualTo(OptionalLong.of(2)); // versions continue after a soft delete
        assertThat(handler.load(Bank.stream("a1")).state()).isEqualTo(new Account(true, false, 0));
    }

    @Test
    void an_evicted_stream_is_loaded_again_after_a_soft_delete() {
        handler.handle(new Open("a1", "ada"));
        handler.handle(new Deposit("a1", 10));
        store.delete(Bank.stream("a1"), ExpectedVersion.any());
        handler.evict(Bank.stream("a1"));

        assertThat(handler.handle(new Deposit("a1", 5)))
                .isInstanceOfSatisfying(
                        CommandResult.Rejected.class,
                        r -> assertThat(r.rejection().code()).isEqualTo("account-not-open"));
    }

    @Test
    void a_terminal_state_is_not_kept_hot() {
        var small = Runtime.bank(store).cacheSize(10).build();
        small.handle(new Open("a1", "ada"));
        small.handle(new Bank.Close("a1"));

        assertThat(small.load(Bank.stream("a1")).state().closed()).isTrue();
        assertThat(small.handle(new Deposit("a1", 5))).isInstanceOf(CommandResult.Rejected.class);
    }

    private List<RecordedEvent> events(String account) {
        return store.readStream(Bank.stream(account), 0, Direction.FORWARD, 100).events();
    }
}
