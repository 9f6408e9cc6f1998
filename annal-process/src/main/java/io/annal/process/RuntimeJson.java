package io.annal.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The runtime's own JSON: outcomes, deadlines and checkpoints. */
final class RuntimeJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RuntimeJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return object();
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ProcessException("the process runtime could not read its own record: " + e.getMessage(), e);
        }
    }
}
