package io.annal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.annal.store.RecordedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** JSON in and out. Event data and metadata are written as stored, without a round trip. */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Exact numbers: 1e400 stays 1e400 instead of becoming an Infinity that is not JSON.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {}

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw Problem.badRequest("the request needs a JSON body");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problem.badRequest("the body could not be read as JSON");
        } catch (IllegalArgumentException e) { // NumberFormatException too: a number no parser can hold
            throw Problem.badRequest(
                    "the body holds a value that cannot be read: " + Requests.shorten(String.valueOf(e.getMessage())));
        }
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String instant(java.time.Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return RFC_3339_MILLIS.format(instant); // signed years: rare enough for the general formatter
        }
        // every event in every answer has one: by hand, without the formatter's per-field parsing
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        digits(c, 20, 3, instant.getNano() / 1_000_000);
        return new String(c);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1, v = value; i >= at; i--, v /= 10) {
            out[i] = (char) ('0' + v % 10);
        }
    }

    /** Writes {@code body} with a generator: for answers that hold events. */
    static byte[] write(JsonWriter body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void writeEvents(JsonGenerator g, String field, List<RecordedEvent> events) throws IOException {
        g.writeArrayFieldStart(field);
        for (RecordedEvent event : events) {
            writeEvent(g, event);
        }
        g.writeEndArray();
    }

    /** A RecordedEvent: {@code {stream,version,position,id,type,data,metadata,recordedAt}}. */
    static void writeEvent(JsonGenerator g, RecordedEvent event) throws IOException {
        g.writeStartObject();
        g.writeStringField("stream", event.stream().value());
        g.writeNumberField("version", event.version());
        g.writeNumberField("position", event.position().value());
        g.writeStringField("id", event.id().toString());
        g.writeStringField("type", event.type());
        g.writeFieldName("data");
        writeRaw(g, event.data(), "null");
        g.writeFieldName("metadata");
        writeRaw(g, event.metadata(), "{}");
        g.writeStringField("recordedAt", instant(event.recordedAt()));
        g.writeEndObject();
    }

    static byte[] event(RecordedEvent event) {
        return write(g -> writeEvent(g, event));
    }

    private static void writeRaw(JsonGenerator g, byte[] json, String whenEmpty) throws IOException {
        if (json.length == 0) {
            g.writeRawValue(whenEmpty);
        } else {
            g.writeRawValue(new RawJson(json));
        }
    }

    @FunctionalInterface
    interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }
}
