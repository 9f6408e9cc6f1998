package io.annal.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.CommandContext;
import io.annal.command.CommandHandler;
import io.annal.command.CommandResult;
import io.annal.command.SnapshotPolicy;
import io.annal.command.StateSerializer;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.OpenAccount;
import io.annal.examples.bank.AccountDecider;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountState;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.process.CodecMapper;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.StreamName;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command runtime on the durable default store, across a real close and reopen: command ids
 * and snapshots live in the store, so both survive the restart.
 */
class CommandsAcrossRestartTest {

    private static final StreamName ACCOUNT = StreamName.of("account-a-1");

    @TempDir
    Path directory;

    @Test
    void a_command_resent_after_a_restart_returns_its_first_outcome_and_appends_nothing() {
        try (EventStore store = open()) {
            CommandHandler<AccountCommand, AccountEvent, AccountState> accounts = accounts(store);
            accounts.handle(new OpenAccount("a-1", "Ada"), CommandContext.withCommandId("open-1"));
            for (int i = 1; i <= 12; i++) {
                accounts.handle(new Deposit("a-1", 10), CommandContext.withCommandId("deposit-" + i));
            }
        }

        try (EventStore store = open()) {
            CommandHandler<AccountCommand, AccountEvent, AccountState> accounts = accounts(store);
            CommandResult again = accounts.handle(new Deposit("a-1", 10), CommandContext.withCommandId("deposit-3"));

            assertThat(again).isInstanceOfSatisfying(CommandResult.Accepted.class, accepted -> {
                assertThat(accepted.replayed()).isTrue();
                assertThat(accepted.version()).hasValue(3);
            });
            assertThat(store.readStream(ACCOUNT, Long.MAX_VALUE, Direction.BACKWARD, 1)
                            .lastVersion())
                    .isEqualTo(12);
            assertThat(accounts.load(ACCOUNT).state()).isEqualTo(new AccountState.Open("a-1", "Ada", 120));
        }
    }

    @Test
    void state_loaded_from_a_snapshot_after_a_restart_equals_the_fold_of_the_stream() {
        try (EventStore store = open()) {
            CommandHandler<AccountCommand, AccountEvent, AccountState> accounts = accounts(store);
            accounts.handle(new OpenAccount("a-1", "Ada"));
            for (int i = 1; i <= 11; i++) {
                accounts.handle(new Deposit("a-1", i));
            }
        }

        try (EventStore store = open()) {
            StreamName snapshots = StreamName.system("$snapshot-" + ACCOUNT.value());
            assertThat(store.readStream(snapshots, 0, Direction.FORWARD, 10).events())
                    .as("a snapshot was taken before the restart")
                    .isNotEmpty();
            AccountState expected = new AccountState.Open("a-1", "Ada", 66);
            assertThat(accounts(store).load(ACCOUNT).state()).isEqualTo(expected);
            CommandHandler<AccountCommand, AccountEvent, AccountState> withoutSnapshots = CommandHandler.builder(
                            AccountDecider.create(), store, CodecMapper.of(BankCodecs.accounts()), this::streamOf)
                    .cacheSize(0)
                    .build();
            assertThat(withoutSnapshots.load(ACCOUNT).state()).isEqualTo(expected);
        }
    }

    private EventStore open() {
        return EmbeddedEventStore.open(EmbeddedStoreConfig.of(directory));
    }

    private CommandHandler<AccountCommand, AccountEvent, AccountState> accounts(EventStore store) {
        return CommandHandler.builder(
                        AccountDecider.create(), store, CodecMapper.of(BankCodecs.accounts()), this::streamOf)
                .snapshots(new OpenAccountText(), 1)
                .snapshotPolicy(SnapshotPolicy.everyEvents(5))
                .cacheSize(0)
                .build();
    }

    private StreamName streamOf(AccountCommand command) {
        return StreamName.of("account-" + command.accountId());
    }

    /** Snapshots of open accounts as "id|owner|balance"; any other state is not worth a snapshot here. */
    private static final class OpenAccountText implements StateSerializer<AccountState> {
        @Override
        public byte[] serialize(AccountState state) {
            AccountState.Open open = (AccountState.Open) state;
            return (open.accountId() + "|" + open.owner() + "|" + open.balance()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public AccountState deserialize(byte[] bytes) {
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\\|");
            return new AccountState.Open(parts[0], parts[1], Long.parseLong(parts[2]));
        }
    }
}
