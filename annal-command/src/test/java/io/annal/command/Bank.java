package io.annal.command;

import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.store.EventData;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A small account domain, its event mapper and a state serializer, for the runtime's tests. */
final class Bank {

    private Bank() {}

    sealed interface Command {
        String accountId();
    }

    record Open(String accountId, String owner) implements Command {}

    record Deposit(String accountId, long amount) implements Command {}

    record Withdraw(String accountId, long amount) implements Command {}

    record Close(String accountId) implements Command {}

    sealed interface Event {}

    record Opened(String owner) implements Event {}

    record Deposited(long amount) implements Event {}

    record Withdrew(long amount) implements Event {}

    record Closed() implements Event {}

    record Account(boolean open, boolean closed, long balance) {
        static final Account NEW = new Account(false, false, 0);
    }

    static StreamName stream(Command command) {
        return stream(command.accountId());
    }

    static StreamName stream(String accountId) {
        return StreamName.of("account-" + accountId);
    }

    static final class AccountDecider implements Decider<Command, Event, Account> {
        @Override
        public Account initialState() {
            return Account.NEW;
        }

        @Override
        public Decision<Event> decide(Command command, Account state) {
            return switch (command) {
                case Open open ->
                    state.open() || state.closed()
                            ? Decision.reject("account-exists", "account " + open.accountId() + " exists")
                            : Decision.accept(new Opened(open.owner()));
                case Deposit deposit -> {
                    if (!state.open()) {
                        yield Decision.reject("account-not-open", "open the account first");
                    }
                    yield deposit.amount() == 0 ? Decision.accept() : Decision.accept(new Deposited(deposit.amount()));
                }
                case Withdraw withdraw -> {
                    if (!state.open()) {
                        yield Decision.reject("account-not-open", "open the account first");
                    }
                    yield withdraw.amount() > state.balance()
                            ? Decision.reject("insufficient-funds", "balance is " + state.balance())
                            : Decision.accept(new Withdrew(withdraw.amount()));
                }
                case Close close ->
                    state.balance() != 0
                            ? Decision.reject("balance-not-zero", "balance is " + state.balance())
                            : Decision.accept(new Closed());
            };
        }

        @Override
        public Account evolve(Account state, Event event) {
            return switch (event) {
                case Opened opened -> new Account(true, false, 0);
                case Deposited deposited -> new Account(true, false, state.balance() + deposited.amount());
                case Withdrew withdrew -> new Account(true, false, state.balance() - withdrew.amount());
                case Closed closed -> new Account(false, true, state.balance());
            };
        }

        @Override
        public boolean isTerminal(Account state) {
            return state.closed();
        }
    }

    /** Maps events as flat JSON; counts decodes so tests can see how much a load replayed. */
    static final class Mapper implements EventMapper<Event> {
        final AtomicInteger decoded = new AtomicInteger();

        @Override
        public EventData encode(Event event, UUID id, Map<String, String> metadata) {
            Map<String, Object> data = switch (event) {
                case Opened opened -> Map.of("owner", opened.owner());
                case Deposited deposited -> Map.of("amount", deposited.amount());
                case Withdrew withdrew -> Map.of("amount", withdrew.amount());
                case Closed closed -> Map.of();
            };
            return EventData.of(id, event.getClass().getSimpleName(), FlatJson.write(data), FlatJson.write(metadata));
        }

        @Override
        public Event decode(RecordedEvent event) {
            decoded.incrementAndGet();
            Map<String, Object> data = FlatJson.read(event.data());
            return switch (event.type()) {
                case "Opened" -> new Opened((String) data.get("owner"));
                case "Deposited" -> new Deposited((Long) data.get("amount"));
                case "Withdrew" -> new Withdrew((Long) data.get("amount"));
                case "Closed" -> new Closed();
                default -> throw new IllegalArgumentException("unknown event type " + event.type());
            };
        }
    }

    /** "open,closed,balance" as text; the shape of schema version 1. */
    static final class Serializer implements StateSerializer<Account> {
        @Override
        public byte[] serialize(Account state) {
            return (state.open() + "," + state.closed() + "," + state.balance()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Account deserialize(byte[] bytes) {
            List<String> parts = List.of(new String(bytes, StandardCharsets.UTF_8).split(","));
            if (parts.size() != 3) {
                throw new IllegalArgumentException("not an account snapshot");
            }
            return new Account(
                    Boolean.parseBoolean(parts.get(0)),
                    Boolean.parseBoolean(parts.get(1)),
                    Long.parseLong(parts.get(2)));
        }
    }
}
