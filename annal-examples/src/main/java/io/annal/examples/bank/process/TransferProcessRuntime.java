package io.annal.examples.bank.process;

import io.annal.codec.EventCodec;
import io.annal.command.CommandHandler;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.TransferCommand;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import io.annal.process.CommandRouter;
import io.annal.process.Correlated;
import io.annal.process.ProcessRuntime;
import io.annal.process.ProcessRuntimeBuilder;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Wires the {@link TransferProcess} to a store: it follows the {@code transfer-} streams, one
 * process per transfer id, and sends its commands to the account and transfer handlers.
 */
public final class TransferProcessRuntime {

    /** The process manager's name: its streams are {@code $process-transfer-<transferId>}. */
    public static final String NAME = "transfer";

    private TransferProcessRuntime() {}

    /** Routes the process's commands to the account and transfer handlers. */
    public static CommandRouter<Object> router(
            CommandHandler<AccountCommand, ?, ?> accounts, CommandHandler<TransferCommand, ?, ?> transfers) {
        return CommandRouter.builder()
                .route(AccountCommand.class, accounts)
                .route(TransferCommand.class, transfers)
                .build();
    }

    /** A runtime to finish configuring (clock, hooks) and build. */
    public static ProcessRuntimeBuilder<TransferEvent, TransferProcessState, Object> builder(
            EventStore store, CommandRouter<Object> router, Duration timeout) {
        EventCodec<TransferEvent> codec = BankCodecs.transfers();
        return ProcessRuntime.builder(NAME, TransferProcess.create(timeout), store, codec)
                .follow(List.of("transfer-"), event -> correlate(event, codec))
                .commands(router);
    }

    private static Optional<Correlated<TransferEvent>> correlate(RecordedEvent event, EventCodec<TransferEvent> codec) {
        if (!event.type().equals("TransferStarted")) {
            return Optional.empty();
        }
        TransferStarted started = (TransferStarted) codec.decodeEvent(event);
        return Optional.of(Correlated.of(started.transferId(), started));
    }
}
