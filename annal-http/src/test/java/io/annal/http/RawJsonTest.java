package io.annal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawJsonTest {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Small values go into the generator's buffer, large ones past it; both byte for byte. */
    @Test
    void raw_bytes_are_written_as_the_raw_text_would_be_at_any_size() throws IOException {
        for (int size : new int[] {0, 10, 7_000, 8_000, 9_000, 200_000}) {
            String json = "{\"note\":\"" + "é€😀a".repeat(size / 9) + "\"}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes(new RawJson(bytes))).isEqualTo(bytes(json));
            StringWriter chars = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(chars)) {
                g.writeStartArray();
                g.writeRawValue(new RawJson(bytes));
                g.writeEndArray();
            }
            assertThat(chars.toString()).isEqualTo("[" + json + "]");
        }
    }

    @Test
    void quoted_it_is_the_text_as_a_json_string() throws IOException {
        RawJson raw = new RawJson("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        raw.writeQuotedUTF8(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\\\"a\\\":1}");
    }

    private static byte[] bytes(Object raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            g.writeNumber(1);
            if (raw instanceof RawJson json) {
                g.writeRawValue(json);
            } else {
                g.writeRawValue((String) raw);
            }
            g.writeNumber(2);
            g.writeEndArray();
        }
        return out.toByteArray();
    }
}
