package io.annal.command;

import io.annal.command.Bank.Account;
import io.annal.command.Bank.Command;
import io.annal.command.Bank.Event;
import io.annal.store.EventStore;
import io.annal.store.memory.InMemoryEventStore;
import java.time.Instant;
import java.time.InstantSource;

/** Builds stores and handlers for the tests, the way an application would wire them. */
final class Runtime {

    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private Runtime() {}

    static EventStore store() {
        return store(InstantSource.fixed(T0));
    }

    static EventStore store(InstantSource clock) {
        return InMemoryEventStore.create(clock);
    }

    static CommandHandlerBuilder<Command, Event, Account> bank(EventStore store) {
        return bank(store, new Bank.Mapper());
    }

    static CommandHandlerBuilder<Command, Event, Account> bank(EventStore store, Bank.Mapper mapper) {
        return CommandHandler.builder(new Bank.AccountDecider(), store, mapper, Bank::stream)
                .clock(InstantSource.fixed(T0));
    }
}
