package io.annal.codec;

import static io.annal.codec.TestEvents.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.codec.TestEvents.AccountEvent;
import org.junit.jupiter.api.Test;

class UnknownTypeTest {

    private final EventCodec<AccountEvent> strict = TestEvents.builder().build();
    private final EventCodec<AccountEvent> lenient =
            TestEvents.builder().onUnknownType(UnknownTypePolicy.PASS_THROUGH).build();

    @Test
    void an_unknown_type_fails_by_default_naming_the_type_and_what_to_register() {
        assertThatThrownBy(() -> strict.decode(stored("InterestPaid", "{\"amount\":3}", "")))
                .isInstanceOfSatisfying(UnknownEventTypeException.class, e -> {
                    assertThat(e.typeName()).isEqualTo("InterestPaid");
                    assertThat(e.schemaVersion()).isEqualTo(1);
                })
                .hasMessageContaining("account-1@3")
                .hasMessageContaining("'InterestPaid' (schema version 1), which is not registered")
                .hasMessageContaining("builder.register(SomeEvent.class, \"InterestPaid\", 1)")
                .hasMessageContaining("onUnknownType(PASS_THROUGH)");
    }

    @Test
    void a_known_type_at_a_newer_version_fails_naming_the_versions_it_reads() {
        assertThatThrownBy(() -> strict.decode(stored("Deposited", "{\"amount\":3}", "{\"schemaVersion\":4}")))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("type Deposited at schema version 4")
                .hasMessageContaining("only at version(s) 1 (current 1)")
                .hasMessageContaining("add an Upcaster from Deposited v4");
    }

    @Test
    void passed_through_an_unknown_type_keeps_its_data_and_metadata() {
        var decoded = lenient.decode(stored("InterestPaid", "{\"amount\":3.10}", "{\"correlationId\":\"c-9\"}"));

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Unknown.class, unknown -> {
            assertThat(unknown.type()).isEqualTo(EventType.of("InterestPaid", 1));
            assertThat(unknown.data()).hasToString("{\"amount\":3.10}");
            assertThat(unknown.metadata().correlationId()).contains("c-9");
        });
    }

    @Test
    void decoding_a_typed_event_fails_on_an_unknown_type_even_when_passing_through() {
        assertThatThrownBy(() -> lenient.decodeEvent(stored("InterestPaid", "{}", "")))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("InterestPaid");
    }

    @Test
    void known_types_decode_normally_when_passing_through() {
        assertThat(lenient.decode(stored("AccountClosed", "{}", ""))).isInstanceOf(Decoded.Known.class);
    }
}
