package io.annal.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.codec.EventCodec;
import io.annal.codec.EventType;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;
import io.annal.examples.bank.TransferEvent.TransferCompleted;
import io.annal.examples.bank.TransferEvent.TransferDebited;
import io.annal.examples.bank.TransferEvent.TransferFailed;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import io.annal.store.EventData;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BankCodecsTest {

    private static RecordedEvent stored(EventData data) {
        return new RecordedEvent(
                StreamName.of("account-a-1"),
                0,
                Position.START,
                data.id(),
                data.type(),
                data.data(),
                data.metadata(),
                Instant.EPOCH);
    }

    private static String json(EventData data) {
        return new String(data.data(), StandardCharsets.UTF_8);
    }

    @Test
    void account_events_are_stored_under_the_http_api_names_and_shapes() {
        EventCodec<AccountEvent> codec = BankCodecs.accounts();

        EventData opened = codec.encode(new AccountOpened("a-1", "Ada"), UUID.randomUUID());
        EventData deposited = codec.encode(new Deposited(50), UUID.randomUUID());
        EventData withdrew = codec.encode(new Withdrew(20), UUID.randomUUID());
        EventData closed = codec.encode(new AccountClosed(), UUID.randomUUID());

        assertThat(List.of(opened.type(), deposited.type(), withdrew.type(), closed.type()))
                .containsExactly("AccountOpened", "Deposited", "Withdrew", "AccountClosed");
        assertThat(json(opened)).isEqualTo("{\"accountId\":\"a-1\",\"owner\":\"Ada\"}");
        assertThat(json(deposited)).isEqualTo("{\"amount\":50}");
        assertThat(json(closed)).isEqualTo("{}");
    }

    @Test
    void every_bank_event_round_trips_through_the_shared_codec() {
        EventCodec<BankEvent> codec = BankCodecs.all();
        List<BankEvent> events = List.of(
                new AccountOpened("a-1", "Ada"),
                new Deposited(50),
                new Withdrew(20),
                new AccountClosed(),
                new TransferStarted("t-1", "a-1", "a-2", 30),
                new TransferDebited(),
                new TransferCompleted(),
                new TransferFailed("account-not-open"));

        for (BankEvent event : events) {
            assertThat(codec.decodeEvent(stored(codec.encode(event, UUID.randomUUID()))))
                    .isEqualTo(event);
        }
        assertThat(codec.types()).hasSize(8);
    }

    @Test
    void the_transfer_codec_knows_the_transfer_events() {
        assertThat(BankCodecs.transfers().types())
                .containsExactly(
                        EventType.of("TransferStarted", 1),
                        EventType.of("TransferDebited", 1),
                        EventType.of("TransferCompleted", 1),
                        EventType.of("TransferFailed", 1));
    }
}
