package io.annal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreInboxTest {

    private static final StreamName LEDGER = StreamName.of("ledger");

    @Test
    void an_event_received_twice_takes_effect_once() {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            StoreInbox inbox = StoreInbox.of(
                    store,
                    "ledger",
                    event -> List.of(
                            StreamAppend.of(LEDGER, ExpectedVersion.any(), List.of(EventData.json("Seen", "{}")))));
            IntegrationEvent event = event();

            assertThat(inbox.receive(event)).isTrue();
            assertThat(inbox.receive(event)).isFalse();

            assertThat(store.readStream(LEDGER, 0, Direction.FORWARD, 10).events())
                    .hasSize(1);
            assertThat(inbox.isReceived(event)).isTrue();
            assertThat(inbox.repeatsDropped()).isEqualTo(1);
        }
    }

    @Test
    void a_repeat_whose_effect_would_now_conflict_is_still_dropped() {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            StoreInbox inbox = StoreInbox.of(
                    store,
                    "ledger",
                    event -> List.of(StreamAppend.of(
                            LEDGER, ExpectedVersion.noStream(), List.of(EventData.json("Seen", "{}")))));
            IntegrationEvent event = event();
            inbox.receive(event);

            assertThat(inbox.receive(event)).isFalse();
        }
    }

    private static IntegrationEvent event() {
        return IntegrationEvent.of(
                UUID.randomUUID(),
                "io.annal.bank.Deposited.v1",
                "/annal/bank",
                "account-a",
                Instant.parse("2026-03-01T12:00:00Z"),
                "{}".getBytes(StandardCharsets.UTF_8));
    }
}
