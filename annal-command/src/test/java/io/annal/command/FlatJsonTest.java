package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void strings_numbers_and_booleans_round_trip_with_escapes() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 é €");
        values.put("count", 42L);
        values.put("negative", -7L);
        values.put("flag", true);

        Map<String, Object> read = FlatJson.read(FlatJson.write(values));

        assertThat(read).containsExactlyEntriesOf(values);
    }

    @Test
    void whitespace_and_unicode_escapes_are_read() {
        byte[] json = " { \"a\" : \"\\u0041\\/\" , \"b\" : false } ".getBytes(StandardCharsets.UTF_8);

        assertThat(FlatJson.read(json)).containsEntry("a", "A/").containsEntry("b", false);
        assertThat(FlatJson.read("{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void malformed_json_is_refused() {
        for (String bad :
                new String[] {"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x", "{\"a\":\"\\x\"}", "[1]"}) {
            assertThatThrownBy(() -> FlatJson.read(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
