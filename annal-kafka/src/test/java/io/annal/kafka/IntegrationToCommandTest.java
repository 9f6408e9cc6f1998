package io.annal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.CommandContext;
import io.annal.command.CommandHandler;
import io.annal.command.EventMapper;
import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The other way to an exactly-once effect: a listener that turns each integration event into a
 * command whose id is derived from the event's id, so the command runtime applies it once.
 */
class IntegrationToCommandTest {

    record Credit(String account, long amount) {}

    record Credited(long amount) {}

    @Test
    void an_integration_event_delivered_twice_becomes_one_command() throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            CommandHandler<Credit, Credited, Long> credits = CommandHandler.builder(
                            new Ledger(),
                            store,
                            new CreditedMapper(),
                            (Credit c) -> StreamName.of("ledger-" + c.account()))
                    .build();
            IntegrationListener listener = event -> credits.handle(
                    new Credit(event.subject(), 5), CommandContext.withCommandId("integration-" + event.id()));
            IntegrationEvent deposited = IntegrationEvent.of(
                    UUID.randomUUID(),
                    "io.annal.bank.Deposited.v1",
                    "/annal/bank",
                    "account-a",
                    Instant.parse("2026-03-01T12:00:00Z"),
                    "{\"amount\":5}".getBytes(StandardCharsets.UTF_8));

            listener.onEvent(deposited);
            listener.onEvent(deposited);

            assertThat(store.readStream(StreamName.of("ledger-account-a"), 0, Direction.FORWARD, 10)
                            .events())
                    .hasSize(1);
        }
    }

    static final class Ledger implements Decider<Credit, Credited, Long> {
        @Override
        public Long initialState() {
            return 0L;
        }

        @Override
        public Decision<Credited> decide(Credit command, Long state) {
            return Decision.accept(new Credited(command.amount()));
        }

        @Override
        public Long evolve(Long state, Credited event) {
            return state + event.amount();
        }
    }

    static final class CreditedMapper implements EventMapper<Credited> {
        @Override
        public EventData encode(Credited event, UUID id, Map<String, String> metadata) {
            return EventData.of(
                    id, "Credited", ("{\"amount\":" + event.amount() + "}").getBytes(StandardCharsets.UTF_8), null);
        }

        @Override
        public Credited decode(RecordedEvent event) {
            return new Credited(Long.parseLong(event.dataAsString().replaceAll("\\D", "")));
        }
    }
}
