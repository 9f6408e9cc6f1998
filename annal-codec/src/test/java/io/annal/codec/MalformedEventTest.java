package io.annal.codec;

import static io.annal.codec.TestEvents.stored;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.codec.TestEvents.AccountEvent;
import org.junit.jupiter.api.Test;

class MalformedEventTest {

    private final EventCodec<AccountEvent> codec =
            TestEvents.builder().onUnknownType(UnknownTypePolicy.PASS_THROUGH).build();

    @Test
    void data_that_is_not_json_names_the_event_and_the_place() {
        assertThatThrownBy(() -> codec.decode(stored("Deposited", "{\"amount\": 5,", "")))
                .isInstanceOf(MalformedEventException.class)
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("event account-1@3 (id " + TestEvents.ID + ")")
                .hasMessageContaining("Deposited v1")
                .hasMessageContaining("cannot be read as " + TestEvents.Deposited.class.getName());
    }

    @Test
    void unknown_type_data_that_is_not_json_is_reported_too() {
        assertThatThrownBy(() -> codec.decode(stored("Other", "not json", "")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("data is not valid JSON");
    }

    @Test
    void a_missing_field_suggests_an_upcaster() {
        assertThatThrownBy(() -> codec.decode(stored("Deposited", "{\"amount\": 5}", "")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(
                        "Missing creator property 'currency' (index 1) at line: 1, column: 13 (field currency)")
                .hasMessageContaining("add an Upcaster from Deposited v1");
    }

    @Test
    void a_field_of_the_wrong_type_is_named() {
        assertThatThrownBy(() -> codec.decode(
                        stored("Deposited", "{\"amount\":\"five\",\"currency\":\"EUR\",\"channel\":\"web\"}", "")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("(field amount)");
    }

    @Test
    void data_that_is_not_an_object_is_refused() {
        assertThatThrownBy(() -> codec.decode(stored("Deposited", "[1,2]", "")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("Deposited v1");
    }

    @Test
    void trailing_garbage_after_the_json_is_refused() {
        assertThatThrownBy(() -> codec.decode(stored("AccountClosed", "{} {}", "")))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void metadata_that_is_not_an_object_names_the_event() {
        assertThatThrownBy(() -> codec.decode(stored("AccountClosed", "{}", "[\"c-1\"]")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("event account-1@3")
                .hasMessageContaining("metadata must be a JSON object");
    }

    @Test
    void metadata_that_is_not_json_names_the_event() {
        assertThatThrownBy(() -> codec.decode(stored("AccountClosed", "{}", "{correlationId")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("of type AccountClosed: metadata is not valid JSON: Unexpected character");
    }

    @Test
    void a_schema_version_that_is_not_a_positive_integer_is_refused() {
        assertThatThrownBy(() -> codec.decode(stored("AccountClosed", "{}", "{\"schemaVersion\":\"two\"}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("schemaVersion must be a positive integer, got \"two\"");
    }

    @Test
    void data_that_is_json_null_is_refused() {
        assertThatThrownBy(() -> codec.decode(stored("AccountClosed", "null", "")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("data is JSON null");
    }
}
