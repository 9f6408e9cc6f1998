package io.annal.codec;

import static io.annal.codec.TestEvents.ID;
import static io.annal.codec.TestEvents.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import io.annal.codec.TestEvents.AccountEvent;
import io.annal.codec.TestEvents.Deposited;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Metadata streamed to bytes and its version read without a tree give what the tree gave. */
class MetadataStreamingTest {

    private final EventCodec<AccountEvent> codec = TestEvents.builder().build();
    private final Deposited event = new Deposited(5, "EUR", "web");

    @Test
    void streamed_metadata_bytes_equal_the_tree_written_with_the_version() {
        long seed = System.nanoTime();
        System.out.println("MetadataStreamingTest seed " + seed);
        Random random = new Random(seed);
        List<String> keys = List.of("correlationId", "causationId", "userId", "schemaVersion", "a\"b", "ü\n");
        for (int round = 0; round < 300; round++) {
            Map<String, String> text = new LinkedHashMap<>();
            Metadata tree = Metadata.empty();
            for (int i = random.nextInt(6); i > 0; i--) {
                String key = keys.get(random.nextInt(keys.size()));
                String value = text(random);
                text.put(key, value);
                tree = tree.with(key, value);
            }
            byte[] expected =
                    tree.with(Metadata.SCHEMA_VERSION, IntNode.valueOf(1)).toBytes();

            assertThat(codec.encode(event, ID, text).metadata())
                    .as("seed %d", seed)
                    .isEqualTo(expected);
            assertThat(codec.encode(event, ID, tree).metadata())
                    .as("seed %d", seed)
                    .isEqualTo(expected);
        }
    }

    @Test
    void the_version_is_read_as_the_tree_reads_it_whatever_else_the_metadata_holds() {
        assertThat(version("{\"a\":{\"schemaVersion\":7},\"b\":[1,{\"c\":2}],\"schemaVersion\":1}"))
                .isEqualTo(1);
        assertThat(version("{\"schemaVersion\":2,\"schemaVersion\":1}")).isEqualTo(1);
        assertThat(version("{\"schemaVersion\":1.0}")).isEqualTo(1);
        assertThat(version(" {} ")).isEqualTo(1);
        assertThat(version("")).isEqualTo(1);
        assertThat(codec.decode(stored(
                                "Deposited",
                                "{\"amount\":5,\"currency\":\"EUR\",\"channel\":\"x\"}",
                                "{\"correlationId\":\"c-1\",\"n\":10.50}"))
                        .metadata())
                .isEqualTo(Metadata.parse("{\"correlationId\":\"c-1\",\"n\":10.50}"));
    }

    @Test
    void bad_metadata_fails_with_the_same_message_as_before() {
        String data = "{\"amount\":5,\"currency\":\"EUR\",\"channel\":\"x\"}";
        assertThatThrownBy(() -> codec.decode(stored("Deposited", data, "{\"schemaVersion\":\"2\"}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("schemaVersion must be a positive integer, got \"2\"");
        assertThatThrownBy(() -> codec.decode(stored("Deposited", data, "{\"schemaVersion\":0}")))
                .hasMessageContaining("schemaVersion must be a positive integer, got 0");
        assertThatThrownBy(() -> codec.decode(stored("Deposited", data, "[1]")))
                .hasMessageContaining("metadata must be a JSON object");
        assertThatThrownBy(() -> codec.decode(stored("Deposited", data, "{\"a\":1} {}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("metadata is not valid JSON");
        assertThatThrownBy(() -> codec.decode(stored("Deposited", data, "{\"a\":")))
                .hasMessageContaining("metadata is not valid JSON");
    }

    private int version(String metadata) {
        String data = "{\"amount\":5,\"currency\":\"EUR\",\"channel\":\"x\"}";
        return codec.decode(stored("Deposited", data, metadata)).type().version();
    }

    private static String text(Random random) {
        String alphabet = "ab\"\\\n\u0001é€ -";
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
