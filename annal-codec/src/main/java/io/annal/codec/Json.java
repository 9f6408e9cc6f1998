package io.annal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one Jackson configuration of the codec. Numbers keep their exact decimal form ({@code 10.50}
 * stays {@code 10.50}) because events are facts and money must not drift through a double; a
 * missing field fails (an old shape needs an upcaster) while an unknown field is ignored (a newer
 * writer may add one).
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {}

    /** Parses {@code bytes} as one JSON value; zero bytes read as an empty object. */
    static JsonNode parse(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return MAPPER.createObjectNode();
        }
        JsonNode node = MAPPER.readTree(bytes);
        return node == null || node.isMissingNode() ? MAPPER.createObjectNode() : node;
    }

    static byte[] write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Jackson's message without its hints about Jackson's own settings, and where it happened. */
    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int hint = message.indexOf("; `");
        if (hint > 0) {
            message = message.substring(0, hint);
        }
        String where = e.getLocation() == null ? "" : e.getLocation().offsetDescription();
        return where.isEmpty() || where.contains("UNKNOWN") ? message : message + " at " + where;
    }
}
