package io.annal.examples;

import io.annal.codec.EventCodec;
import io.annal.codec.Metadata;
import io.annal.domain.Decision;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.OpenAccount;
import io.annal.examples.bank.AccountCommand.Withdraw;
import io.annal.examples.bank.AccountDecider;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountState;
import io.annal.examples.bank.Balance;
import io.annal.examples.bank.BalanceView;
import io.annal.examples.bank.BankCodecs;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import io.annal.store.StreamSlice;
import io.annal.store.memory.InMemoryEventStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bank example end to end on the in-memory store: each command is decided against the state
 * folded from the stream, and its events are appended with the version that state was read at, so
 * a concurrent writer would make the append fail instead of being overwritten.
 */
public final class BankDemo {

    private static final AccountDecider ACCOUNTS = AccountDecider.create();
    private static final EventCodec<AccountEvent> CODEC = BankCodecs.accounts();

    private BankDemo() {}

    public static void main(String[] args) {
        try (EventStore store = InMemoryEventStore.create()) {
            run(store, System.out);
        }
    }

    /** Runs the demo against {@code store}, printing to {@code out}; returns the final balance. */
    static Balance run(EventStore store, PrintStream out) {
        StreamName stream = StreamName.of("account-a-1");
        handle(store, stream, new OpenAccount("a-1", "Ada"), out);
        handle(store, stream, new Deposit("a-1", 10_000), out);
        handle(store, stream, new Withdraw("a-1", 2_500), out);
        handle(store, stream, new Withdraw("a-1", 50_000), out);

        BalanceView view = BalanceView.create();
        Balance balance = view.initialState();
        for (RecordedEvent event : read(store, stream)) {
            out.printf(
                    "v%d  pos %s  %-13s %s%n", event.version(), event.position(), event.type(), event.dataAsString());
            balance = view.evolve(balance, Envelope.of(event.version(), event.recordedAt(), CODEC.decodeEvent(event)));
        }
        out.println("balance: " + balance);
        return balance;
    }

    /** Load, decide, append: the loop a command runtime runs, without its retries and caching. */
    private static void handle(EventStore store, StreamName stream, AccountCommand command, PrintStream out) {
        List<RecordedEvent> history = read(store, stream);
        AccountState state = ACCOUNTS.fold(
                ACCOUNTS.initialState(),
                history.stream().map(CODEC::decodeEvent).toList());
        ExpectedVersion expected = history.isEmpty()
                ? ExpectedVersion.noStream()
                : ExpectedVersion.exact(history.getLast().version());
        switch (ACCOUNTS.decide(command, state)) {
            case Decision.Accepted<AccountEvent> accepted when accepted.events().isEmpty() -> {}
            case Decision.Accepted<AccountEvent> accepted -> {
                Metadata metadata =
                        Metadata.empty().withCorrelationId(UUID.randomUUID().toString());
                List<EventData> events = accepted.events().stream()
                        .map(event -> CODEC.encode(event, UUID.randomUUID(), metadata))
                        .toList();
                store.append(stream, expected, events);
            }
            case Decision.Rejected<AccountEvent> rejected ->
                out.println("rejected " + command + ": " + rejected.rejection().code() + " ("
                        + rejected.rejection().message() + ")");
        }
    }

    /** The whole stream, oldest first; empty when it does not exist yet. */
    private static List<RecordedEvent> read(EventStore store, StreamName stream) {
        List<RecordedEvent> events = new ArrayList<>();
        long from = 0;
        try {
            while (true) {
                StreamSlice slice = store.readStream(stream, from, Direction.FORWARD, StoreLimits.MAX_READ_COUNT);
                events.addAll(slice.events());
                if (slice.next().isEmpty()) {
                    return events;
                }
                from = slice.next().getAsLong();
            }
        } catch (StreamNotFoundException e) {
            return List.of();
        }
    }
}
