package io.annal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand scan of metadata never answers differently from the JSON parser it stands in for. */
class MetadataScanTest {

    private static final List<String> KEYS =
            List.of("schemaVersion", "correlationId", "causationId", "a\\\"b", "schemaVersio", "x\\u0041", "ü", "");
    private static final List<String> VALUES = List.of(
            "1",
            "7",
            "123456789",
            "1234567890",
            "0",
            "01",
            "-1",
            "-0",
            "1.0",
            "1e3",
            "2E1",
            "\"2\"",
            "\"c-1\"",
            "\"tab\\there\"",
            "\"bad\\x\"",
            "\"\\u00e9\"",
            "\"é\"",
            "true",
            "null",
            "{\"schemaVersion\":3}",
            "[1,2]",
            "99999999999999999999",
            "-",
            "\"\u0001\"");
    private static final List<String> SPACE = List.of("", "", " ", "\n", "\t", "\r\n ", "\u000b");
    private static final String NOISE = "{}[],:\" \\0123456789-.eEtrunlfas";

    @Test
    void the_hand_scan_agrees_with_the_parser_wherever_it_answers() {
        long seed = System.nanoTime();
        System.out.println("MetadataScanTest seed=" + seed);
        Random random = new Random(seed);
        int answered = 0;
        for (int round = 0; round < 100_000; round++) {
            String text = mutate(object(random), random);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int plain = MetadataScan.plain(bytes);
            int streamed = MetadataScan.streamed(bytes);
            if (plain != MetadataScan.UNSURE) {
                answered++;
                assertThat(plain).as("seed %d: %s", seed, text).isEqualTo(streamed);
            }
            assertThat(MetadataScan.schemaVersion(bytes))
                    .as("seed %d: %s", seed, text)
                    .isEqualTo(streamed);
        }
        assertThat(answered).as("the hand scan answers for the common shapes").isGreaterThan(10_000);
    }

    @Test
    void metadata_as_annal_writes_it_is_scanned_by_hand() {
        String written = "{\"correlationId\":\"3f1c\",\"causationId\":\"c-9\",\"traceparent\":"
                + "\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\",\"schemaVersion\":2}";
        assertThat(MetadataScan.plain(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(MetadataScan.plain("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
    }

    private static String object(Random random) {
        StringBuilder out =
                new StringBuilder().append(space(random)).append('{').append(space(random));
        for (int i = random.nextInt(5); i > 0; i--) {
            out.append('"')
                    .append(pick(KEYS, random))
                    .append('"')
                    .append(space(random))
                    .append(':');
            out.append(space(random)).append(pick(VALUES, random)).append(space(random));
            if (i > 1) {
                out.append(',').append(space(random));
            }
        }
        return out.append('}').append(space(random)).toString();
    }

    /** Half the time as built; else one character dropped, doubled or replaced by a JSON-ish one. */
    private static String mutate(String text, Random random) {
        if (random.nextBoolean() || text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        char noise = NOISE.charAt(random.nextInt(NOISE.length()));
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + text.charAt(at) + text.substring(at);
            default -> text.substring(0, at) + noise + text.substring(at + 1);
        };
    }

    private static String space(Random random) {
        return pick(SPACE, random);
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}
