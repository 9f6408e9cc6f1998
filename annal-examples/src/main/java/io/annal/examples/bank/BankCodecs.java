package io.annal.examples.bank;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;
import io.annal.examples.bank.TransferEvent.TransferCompleted;
import io.annal.examples.bank.TransferEvent.TransferDebited;
import io.annal.examples.bank.TransferEvent.TransferFailed;
import io.annal.examples.bank.TransferEvent.TransferStarted;

/**
 * The stored names of the bank's events. They are the HTTP API's names and must never change; a
 * new shape is a new schema version with an upcaster.
 */
public final class BankCodecs {

    private BankCodecs() {}

    /** For an account's stream. */
    public static EventCodec<AccountEvent> accounts() {
        EventCodec.Builder<AccountEvent> builder = EventCodec.builder(AccountEvent.class);
        registerAccountEvents(builder);
        return builder.build();
    }

    /** For a transfer's stream. */
    public static EventCodec<TransferEvent> transfers() {
        EventCodec.Builder<TransferEvent> builder = EventCodec.builder(TransferEvent.class);
        registerTransferEvents(builder);
        return builder.build();
    }

    /** For readers of both, such as the transfer process and projections over all events. */
    public static EventCodec<BankEvent> all() {
        EventCodec.Builder<BankEvent> builder = EventCodec.builder(BankEvent.class);
        registerAccountEvents(builder);
        registerTransferEvents(builder);
        return builder.build();
    }

    private static void registerAccountEvents(EventCodec.Builder<? super AccountEvent> builder) {
        builder.register(AccountOpened.class, "AccountOpened", 1)
                .register(Deposited.class, "Deposited", 1)
                .register(Withdrew.class, "Withdrew", 1)
                .register(AccountClosed.class, "AccountClosed", 1);
    }

    private static void registerTransferEvents(EventCodec.Builder<? super TransferEvent> builder) {
        builder.register(TransferStarted.class, "TransferStarted", 1)
                .register(TransferDebited.class, "TransferDebited", 1)
                .register(TransferCompleted.class, "TransferCompleted", 1)
                .register(TransferFailed.class, "TransferFailed", 1);
    }
}
