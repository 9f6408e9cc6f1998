package io.annal.codec;

import static io.annal.codec.TestEvents.ID;
import static io.annal.codec.TestEvents.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.codec.TestEvents.AccountEvent;
import io.annal.codec.TestEvents.Closed;
import io.annal.codec.TestEvents.Deposited;
import io.annal.codec.TestEvents.Opened;
import io.annal.store.EventData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec<AccountEvent> codec = TestEvents.builder().build();

    private final Opened opened = new Opened(
            "acc-1",
            "Ada",
            Instant.parse("2026-03-01T10:15:30.123456789Z"),
            new BigDecimal("12345678901234567890.50"),
            List.of("gold", "früh"));

    @Test
    void record_with_instant_big_decimal_and_list_round_trips_exactly() {
        EventData data = codec.encode(opened, ID);

        Decoded<AccountEvent> decoded = codec.decode(recorded(data));

        assertThat(decoded)
                .isEqualTo(new Decoded.Known<AccountEvent>(
                        opened, EventType.of("AccountOpened", 1), Metadata.parse("{\"schemaVersion\":1}")));
        assertThat(((Opened) codec.decodeEvent(recorded(data))).interestRate()).hasToString("12345678901234567890.50");
    }

    @Test
    void encoding_writes_the_registered_name_plain_json_and_the_schema_version() {
        EventData data = codec.encode(new Deposited(50, "EUR", "atm"), ID);

        assertThat(data.id()).isEqualTo(ID);
        assertThat(data.type()).isEqualTo("Deposited");
        assertThat(new String(data.data(), StandardCharsets.UTF_8))
                .isEqualTo("{\"amount\":50,\"currency\":\"EUR\",\"channel\":\"atm\"}");
        assertThat(new String(data.metadata(), StandardCharsets.UTF_8)).isEqualTo("{\"schemaVersion\":1}");
    }

    @Test
    void instants_are_written_as_iso_8601_text_and_decimals_as_plain_numbers() {
        String json = new String(codec.encode(opened, ID).data(), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"openedAt\":\"2026-03-01T10:15:30.123456789Z\"")
                .contains("\"interestRate\":12345678901234567890.50")
                .contains("\"tags\":[\"gold\",\"früh\"]");
    }

    @Test
    void given_metadata_is_kept_and_the_schema_version_is_added() {
        Metadata metadata = Metadata.empty()
                .withCorrelationId("c-1")
                .withCausationId("cmd-7")
                .withUserId("ada")
                .with("tenant", "north");

        EventData data = codec.encode(new Closed(), ID, metadata);

        assertThat(new String(data.metadata(), StandardCharsets.UTF_8))
                .isEqualTo("{\"correlationId\":\"c-1\",\"causationId\":\"cmd-7\",\"userId\":\"ada\","
                        + "\"tenant\":\"north\",\"schemaVersion\":1}");
        Decoded<AccountEvent> decoded = codec.decode(recorded(data));
        assertThat(decoded.metadata().correlationId()).contains("c-1");
        assertThat(decoded.metadata().text("tenant")).contains("north");
    }

    @Test
    void a_schema_version_given_in_metadata_is_replaced_by_the_registered_one() {
        EventData data = codec.encode(new Closed(), ID, Metadata.empty().with("schemaVersion", "7"));

        assertThat(Metadata.parse(data.metadata()).schemaVersion()).hasValue(1);
    }

    @Test
    void an_event_stored_without_metadata_is_read_as_version_1() {
        var decoded = codec.decode(
                TestEvents.stored("Deposited", "{\"amount\":5,\"currency\":\"EUR\",\"channel\":\"web\"}", ""));

        assertThat(decoded).isInstanceOf(Decoded.Known.class);
        assertThat(decoded.type()).isEqualTo(EventType.of("Deposited", 1));
        assertThat(decoded.metadata().isEmpty()).isTrue();
    }

    @Test
    void an_event_without_fields_reads_from_empty_data() {
        assertThat(codec.decodeEvent(TestEvents.stored("AccountClosed", "", "")))
                .isEqualTo(new Closed());
    }

    @Test
    void unknown_fields_written_by_a_newer_writer_are_ignored() {
        var event = codec.decodeEvent(TestEvents.stored(
                "Deposited", "{\"amount\":5,\"currency\":\"EUR\",\"channel\":\"web\",\"addedLater\":true}", ""));

        assertThat(event).isEqualTo(new Deposited(5, "EUR", "web"));
    }

    @Test
    void decoding_event_data_before_it_is_stored_gives_the_same_event() {
        EventData data = codec.encode(opened, ID);

        assertThat(codec.decode(data)).isEqualTo(codec.decode(recorded(data)));
    }

    @Test
    void the_codec_lists_its_current_types_in_registration_order() {
        assertThat(codec.types())
                .containsExactly(
                        EventType.of("AccountOpened", 1),
                        EventType.of("Deposited", 1),
                        EventType.of("AccountClosed", 1));
        assertThat(codec.typeOf(new Closed())).isEqualTo(EventType.of("AccountClosed", 1));
    }

    interface OpenFamily {}

    record Registered(int n) implements OpenFamily {}

    record Forgotten(int n) implements OpenFamily {}

    @Test
    void encoding_an_unregistered_class_says_how_to_register_it() {
        EventCodec<OpenFamily> open = EventCodec.builder(OpenFamily.class)
                .register(Registered.class, "Registered", 1)
                .build();

        assertThatThrownBy(() -> open.encode(new Forgotten(1), ID))
                .isInstanceOf(UnregisteredEventClassException.class)
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(Forgotten.class.getName())
                .hasMessageContaining("builder.register(Forgotten.class, \"Forgotten\", 1)");
    }
}
