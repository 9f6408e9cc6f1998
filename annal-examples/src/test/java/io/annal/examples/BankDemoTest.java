package io.annal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.examples.bank.Balance;
import io.annal.store.memory.InMemoryEventStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BankDemoTest {

    @Test
    void the_demo_prints_the_stored_events_and_the_balance_folded_from_them() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Balance balance;
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            balance = BankDemo.run(store, new PrintStream(printed, true, StandardCharsets.UTF_8));
        }

        assertThat(balance).isEqualTo(new Balance("a-1", "Ada", 7_500, "open", 2));
        // Positions are the store's business; only their presence is checked.
        assertThat(printed.toString(StandardCharsets.UTF_8)
                        .replaceAll("pos \\d+", "pos N")
                        .lines())
                .containsExactly(
                        "rejected Withdraw[accountId=a-1, amount=50000]: insufficient-funds"
                                + " (cannot withdraw 50000 from a balance of 7500)",
                        "v0  pos N  AccountOpened {\"accountId\":\"a-1\",\"owner\":\"Ada\"}",
                        "v1  pos N  Deposited     {\"amount\":10000}",
                        "v2  pos N  Withdrew      {\"amount\":2500}",
                        "balance: Balance[accountId=a-1, owner=Ada, balance=7500, status=open, version=2]");
    }
}
