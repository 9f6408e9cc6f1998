package io.annal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * Writes an event's metadata straight to bytes with its schema version, with no tree and no copy
 * per key. The bytes are those of the tree with the version set: the key keeps its place when it
 * is already there, else it comes last.
 */
final class MetadataWriter {

    private MetadataWriter() {}

    static byte[] write(Iterable<Map.Entry<String, JsonNode>> fields, int version) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(128)) {
            try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
                g.writeStartObject();
                boolean versioned = false;
                for (Map.Entry<String, JsonNode> field : fields) {
                    g.writeFieldName(field.getKey());
                    if (field.getKey().equals(Metadata.SCHEMA_VERSION)) {
                        g.writeNumber(version);
                        versioned = true;
                    } else {
                        g.writeTree(field.getValue());
                    }
                }
                end(g, versioned, version);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new CodecException("could not write metadata: " + e.getMessage(), e);
        }
    }

    static byte[] writeText(Map<String, String> fields, int version) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(64 + 48 * fields.size())) {
            try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
                g.writeStartObject();
                boolean versioned = false;
                for (Map.Entry<String, String> field : fields.entrySet()) {
                    g.writeFieldName(field.getKey());
                    if (field.getKey().equals(Metadata.SCHEMA_VERSION)) {
                        g.writeNumber(version);
                        versioned = true;
                    } else {
                        g.writeString(field.getValue());
                    }
                }
                end(g, versioned, version);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new CodecException("could not write metadata: " + e.getMessage(), e);
        }
    }

    private static void end(JsonGenerator g, boolean versioned, int version) throws IOException {
        if (!versioned) {
            g.writeNumberField(Metadata.SCHEMA_VERSION, version);
        }
        g.writeEndObject();
    }
}
