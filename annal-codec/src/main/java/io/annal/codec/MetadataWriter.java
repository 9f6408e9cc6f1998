package io.annal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes an event's metadata straight to bytes with its schema version, with no tree and no copy
 * per key. The bytes are those of the tree with the version set: the key keeps its place when it
 * is already there, else it comes last.
 */
final class MetadataWriter {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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

    /**
     * Text metadata, as the JSON generator would write it. ASCII keys and values (correlation ids,
     * trace context) are written by hand, since setting a generator up per event was ~3 % of a
     * command's CPU; anything else goes through the generator.
     */
    static byte[] writeText(Map<String, String> fields, int version) {
        return allAscii(fields) ? byHand(fields, version) : viaGenerator(fields, version);
    }

    static byte[] viaGenerator(Map<String, String> fields, int version) {
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

    static byte[] byHand(Map<String, String> fields, int version) {
        int size = 32;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            size += field.getKey().length() + field.getValue().length() + 8;
        }
        StringBuilder out = new StringBuilder(size).append('{');
        boolean versioned = false;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            quoted(out, field.getKey()).append(':');
            if (field.getKey().equals(Metadata.SCHEMA_VERSION)) {
                out.append(version);
                versioned = true;
            } else {
                quoted(out, field.getValue());
            }
        }
        if (!versioned) {
            quoted(out.length() > 1 ? out.append(',') : out, Metadata.SCHEMA_VERSION)
                    .append(':')
                    .append(version);
        }
        return out.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean allAscii(Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() == null || !ascii(field.getKey()) || !ascii(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The generator's escapes: quote, backslash, and control characters (named where JSON names them). */
    private static StringBuilder quoted(StringBuilder out, String text) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, plain, i); // the run before the escape, copied whole
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.append(text, plain, text.length()).append('"');
    }

    private static void end(JsonGenerator g, boolean versioned, int version) throws IOException {
        if (!versioned) {
            g.writeNumberField(Metadata.SCHEMA_VERSION, version);
        }
        g.writeEndObject();
    }
}
