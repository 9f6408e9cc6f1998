package io.annal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text metadata written by hand is byte for byte what the JSON generator writes. */
class MetadataWriterTest {

    private static final List<String> KEYS =
            List.of("correlationId", "causationId", "schemaVersion", "traceparent", "");

    @Test
    void ascii_metadata_written_by_hand_equals_the_generators_bytes() {
        long seed = System.nanoTime();
        System.out.println("MetadataWriterTest seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 20_000; round++) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                fields.put(random.nextInt(4) == 0 ? text(random) : KEYS.get(random.nextInt(KEYS.size())), text(random));
            }
            int version = 1 + random.nextInt(random.nextBoolean() ? 3 : Integer.MAX_VALUE);
            byte[] expected = MetadataWriter.viaGenerator(fields, version);
            assertThat(new String(MetadataWriter.byHand(fields, version), StandardCharsets.UTF_8))
                    .as("seed %d: %s", seed, fields)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(MetadataWriter.writeText(fields, version)).isEqualTo(expected);
        }
    }

    @Test
    void non_ascii_metadata_is_written_by_the_generator() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user", "Zoë \u2028 \uD83D\uDE00");
        assertThat(MetadataWriter.writeText(fields, 2)).isEqualTo(MetadataWriter.viaGenerator(fields, 2));
        assertThat(Metadata.parse(MetadataWriter.writeText(fields, 2))
                        .value("user")
                        .orElseThrow()
                        .asText())
                .isEqualTo("Zoë \u2028 \uD83D\uDE00");
    }

    /** Every ASCII character, control characters and JSON's specials more often. */
    private static String text(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            out.append(
                    random.nextInt(3) == 0
                            ? "\"\\/\b\f\n\r\t\u0000\u001f\u007f".charAt(random.nextInt(11))
                            : (char) random.nextInt(0x80));
        }
        return out.toString();
    }
}
