package io.annal.examples.bank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The statement read model, {@code GET /queries/statement/{accountId}}: money in and out, in order. */
public record Statement(String accountId, List<Entry> entries) {

    public Statement {
        Objects.requireNonNull(accountId, "accountId");
        entries = List.copyOf(entries);
    }

    /**
     * One movement of money.
     *
     * @param type the event's type, {@code Deposited} or {@code Withdrew}
     * @param amount always positive; the type says which way it went
     */
    public record Entry(long version, String type, long amount, long balanceAfter, Instant at) {}

    public static Statement empty() {
        return new Statement("", List.of());
    }

    public long balance() {
        return entries.isEmpty() ? 0 : entries.getLast().balanceAfter();
    }

    Statement withAccountId(String id) {
        return new Statement(id, entries);
    }

    Statement with(Entry entry) {
        List<Entry> all = new ArrayList<>(entries);
        all.add(entry);
        return new Statement(accountId, all);
    }
}
