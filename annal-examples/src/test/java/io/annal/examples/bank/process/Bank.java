package io.annal.examples.bank.process;

import io.annal.command.CommandContext;
import io.annal.command.CommandHandler;
import io.annal.command.CommandResult;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountDecider;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountState;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.TransferCommand;
import io.annal.examples.bank.TransferDecider;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.bank.TransferState;
import io.annal.examples.process.CodecMapper;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import java.util.List;

/** The bank's command handlers on one store, and what tests read back from it. */
final class Bank {

    final EventStore store;
    final CommandHandler<AccountCommand, AccountEvent, AccountState> accounts;
    final CommandHandler<TransferCommand, TransferEvent, TransferState> transfers;

    Bank(EventStore store) {
        this.store = store;
        // No hot cache: a restarted runtime in the same JVM must see only what the store holds.
        this.accounts = CommandHandler.builder(
                        AccountDecider.create(),
                        store,
                        CodecMapper.of(BankCodecs.accounts()),
                        (AccountCommand c) -> account(c.accountId()))
                .cacheSize(0)
                .build();
        this.transfers = CommandHandler.builder(
                        TransferDecider.create(),
                        store,
                        CodecMapper.of(BankCodecs.transfers()),
                        (TransferCommand c) -> transfer(c.transferId()))
                .cacheSize(0)
                .build();
    }

    static StreamName account(String id) {
        return StreamName.of("account-" + id);
    }

    static StreamName transfer(String id) {
        return StreamName.of("transfer-" + id);
    }

    void open(String accountId, long deposit) {
        accept(accounts.handle(new AccountCommand.OpenAccount(accountId, "owner of " + accountId)));
        if (deposit > 0) {
            accept(accounts.handle(new AccountCommand.Deposit(accountId, deposit)));
        }
    }

    void startTransfer(String transferId, String from, String to, long amount) {
        accept(transfers.handle(
                new TransferCommand.StartTransfer(transferId, from, to, amount),
                CommandContext.withCommandId("start-" + transferId)));
    }

    long balance(String accountId) {
        return accounts.load(account(accountId)).state() instanceof AccountState.Open open ? open.balance() : 0;
    }

    TransferState transferState(String transferId) {
        return transfers.load(transfer(transferId)).state();
    }

    List<String> types(StreamName stream) {
        try {
            return store.readStream(stream, 0, Direction.FORWARD, 4096).events().stream()
                    .map(RecordedEvent::type)
                    .toList();
        } catch (StreamNotFoundException e) {
            return List.of();
        }
    }

    private static void accept(CommandResult result) {
        if (!(result instanceof CommandResult.Accepted)) {
            throw new AssertionError("the test's setup was refused: " + result);
        }
    }
}
