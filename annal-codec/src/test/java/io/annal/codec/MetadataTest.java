package io.annal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @Test
    void standard_keys_are_written_and_read_under_the_store_names() {
        Metadata metadata =
                Metadata.empty().withCorrelationId("c-1").withCausationId("e-2").withUserId("ada");

        assertThat(new String(metadata.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"correlationId\":\"c-1\",\"causationId\":\"e-2\",\"userId\":\"ada\"}");
        assertThat(metadata.correlationId()).contains("c-1");
        assertThat(metadata.causationId()).contains("e-2");
        assertThat(metadata.userId()).contains("ada");
    }

    @Test
    void other_keys_keep_their_values_exactly() {
        String json = "{\"correlationId\":\"c-1\",\"rate\":1.10,\"big\":123456789012345678901234567890,"
                + "\"nested\":{\"a\":[1,\"x\",null,true]},\"nothing\":null,\"tiny\":1E-30}";

        Metadata metadata = Metadata.parse(json);

        assertThat(new String(metadata.toBytes(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(metadata.keys()).containsExactly("correlationId", "rate", "big", "nested", "nothing", "tiny");
        assertThat(metadata.value("rate").orElseThrow().decimalValue()).hasToString("1.10");
        assertThat(Metadata.parse(metadata.toBytes())).isEqualTo(metadata);
    }

    @Test
    void metadata_is_immutable() {
        Metadata original = Metadata.parse("{\"nested\":{\"a\":1}}");

        ((ObjectNode) original.value("nested").orElseThrow()).put("a", 2);
        original.asJson().put("added", true);
        Metadata changed = original.with("added", JsonNodeFactory.instance.booleanNode(true));

        assertThat(original).hasToString("{\"nested\":{\"a\":1}}");
        assertThat(changed).hasToString("{\"nested\":{\"a\":1},\"added\":true}");
        assertThat(changed.without("added")).isEqualTo(original);
    }

    @Test
    void absent_keys_are_empty_and_non_text_values_are_not_text() {
        Metadata metadata = Metadata.parse("{\"userId\":{\"id\":7},\"count\":3}");

        assertThat(metadata.correlationId()).isEmpty();
        assertThat(metadata.userId()).isEmpty();
        assertThat(metadata.text("count")).contains("3");
        assertThat(metadata.schemaVersion()).isEmpty();
    }

    @Test
    void empty_bytes_are_empty_metadata() {
        assertThat(Metadata.parse(new byte[0])).isEqualTo(Metadata.empty());
        assertThat(Metadata.empty().isEmpty()).isTrue();
    }

    @Test
    void metadata_must_be_a_json_object() {
        assertThatThrownBy(() -> Metadata.parse("42"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(
                        "metadata must be a JSON object such as {\"correlationId\": \"c-1\"}, not NUMBER");
        assertThatThrownBy(() -> Metadata.parse("{\"a\":"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("metadata is not valid JSON");
    }
}
