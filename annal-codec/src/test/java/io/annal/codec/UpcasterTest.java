package io.annal.codec;

import static io.annal.codec.TestEvents.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.codec.TestEvents.AccountEvent;
import io.annal.codec.TestEvents.Closed;
import io.annal.codec.TestEvents.Deposited;
import io.annal.codec.TestEvents.Opened;
import org.junit.jupiter.api.Test;

class UpcasterTest {

    // Deposited v1 was {"amount"}; v2 added "currency"; v3 added "channel".
    private final EventCodec<AccountEvent> codec = EventCodec.builder(AccountEvent.class)
            .register(Opened.class, "AccountOpened", 1)
            .register(Deposited.class, "Deposited", 3)
            .register(Closed.class, "AccountClosed", 1)
            .upcaster(Upcaster.of("Deposited", 1, data -> data.put("currency", "EUR")))
            .upcaster(Upcaster.of("Deposited", 2, data -> data.put("channel", "unknown")))
            .upcaster(Upcaster.of(
                    EventType.of("Credited", 1),
                    EventType.of("Deposited", 2),
                    data -> data.put("amount", data.path("cents").asLong()).put("currency", "EUR")))
            .upcaster(Upcaster.rename(EventType.of("Terminated", 1), EventType.of("AccountClosed", 1)))
            .build();

    @Test
    void a_version_1_event_is_upcast_through_v2_to_v3() {
        var decoded = codec.decode(stored("Deposited", "{\"amount\":50}", "{\"schemaVersion\":1}"));

        assertThat(decoded)
                .isEqualTo(new Decoded.Known<AccountEvent>(
                        new Deposited(50, "EUR", "unknown"),
                        EventType.of("Deposited", 3),
                        Metadata.parse("{\"schemaVersion\":1}")));
    }

    @Test
    void a_version_2_event_takes_only_the_last_step() {
        var event =
                codec.decodeEvent(stored("Deposited", "{\"amount\":50,\"currency\":\"CHF\"}", "{\"schemaVersion\":2}"));

        assertThat(event).isEqualTo(new Deposited(50, "CHF", "unknown"));
    }

    @Test
    void a_current_version_event_is_bound_without_upcasting() {
        var event = codec.decodeEvent(stored(
                "Deposited", "{\"amount\":50,\"currency\":\"CHF\",\"channel\":\"atm\"}", "{\"schemaVersion\":3}"));

        assertThat(event).isEqualTo(new Deposited(50, "CHF", "atm"));
    }

    @Test
    void a_renamed_type_is_read_under_its_new_name_and_shape() {
        var decoded = codec.decode(stored("Credited", "{\"cents\":700}", ""));

        assertThat(decoded.type()).isEqualTo(EventType.of("Deposited", 3));
        assertThat(decoded)
                .isInstanceOfSatisfying(
                        Decoded.Known.class,
                        known -> assertThat(known.event()).isEqualTo(new Deposited(700, "EUR", "unknown")));
    }

    @Test
    void a_pure_rename_keeps_the_data() {
        assertThat(codec.decodeEvent(stored("Terminated", "{}", "{\"schemaVersion\":1}")))
                .isEqualTo(new Closed());
    }

    @Test
    void an_upcaster_that_returns_null_is_reported_by_name() {
        EventCodec<AccountEvent> broken = TestEvents.builder()
                .upcaster(Upcaster.of(EventType.of("Old", 1), EventType.of("AccountClosed", 1), data -> null))
                .build();

        assertThatThrownBy(() -> broken.decode(stored("Old", "{}", "")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("Upcaster[Old v1 -> AccountClosed v1] returned null");
    }

    @Test
    void an_upcast_result_that_does_not_bind_points_at_the_upcasters() {
        EventCodec<AccountEvent> forgetful = TestEvents.builder()
                .upcaster(Upcaster.rename(EventType.of("Credited", 1), EventType.of("Deposited", 1)))
                .build();

        assertThatThrownBy(() -> forgetful.decode(stored("Credited", "{\"cents\":1}", "")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Missing creator property 'amount' (index 0) (field amount)")
                .hasMessageContaining("check the upcasters from Credited v1 to Deposited v1");
    }

    @Test
    void an_upcaster_that_throws_is_reported_with_the_event_and_its_data() {
        EventCodec<AccountEvent> broken = TestEvents.builder()
                .upcaster(Upcaster.of(EventType.of("Old", 1), EventType.of("AccountClosed", 1), data -> {
                    throw new IllegalArgumentException("no cents");
                }))
                .build();

        assertThatThrownBy(() -> broken.decode(stored("Old", "{\"x\":1}", "")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("Upcaster[Old v1 -> AccountClosed v1] failed on event account-1@3")
                .hasMessageContaining("{\"x\":1}")
                .hasMessageContaining("no cents")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
