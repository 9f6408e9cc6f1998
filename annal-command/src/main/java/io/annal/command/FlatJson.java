package io.annal.command;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON for the runtime's own records: one flat object whose values are strings,
 * whole numbers or booleans. Keeps this module free of a JSON library; anything richer belongs
 * to the codec. Parsing is strict and fails with {@link IllegalArgumentException}, which callers
 * treat as "unreadable".
 */
final class FlatJson {

    private FlatJson() {}

    /** Writes {@code values} (String, Long, Integer or Boolean) as a JSON object, in map order. */
    static byte[] write(Map<String, ?> values) {
        StringBuilder out = new StringBuilder(64 + values.size() * 32).append('{');
        boolean first = true;
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, entry.getKey());
            out.append(':');
            Object value = entry.getValue();
            if (value instanceof String s) {
                quote(out, s);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
                out.append(value);
            } else {
                throw new IllegalArgumentException("flat JSON holds strings, numbers and booleans, not " + value);
            }
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a flat JSON object: strings come back as String, numbers as Long, booleans as Boolean. */
    static Map<String, Object> read(byte[] json) {
        return new Reader(new String(json, StandardCharsets.UTF_8)).object();
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            Map<String, Object> values = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                at++;
            } else {
                do {
                    String key = string();
                    expect(':');
                    values.put(key, value());
                } while (next() == ',');
                at--;
                expect('}');
            }
            skipSpace();
            if (at != text.length()) {
                throw error("text after the object");
            }
            return values;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            try {
                return Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("a string, whole number or boolean");
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("the end of a string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("an escape");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("four hex digits");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("four hex digits");
                        }
                        at += 4;
                    }
                    default -> throw error("a valid escape");
                }
            }
        }

        private void expect(char c) {
            if (next() != c) {
                at--;
                throw error("'" + c + "'");
            }
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private char peek() {
            skipSpace();
            if (at >= text.length()) {
                throw error("more JSON");
            }
            return text.charAt(at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("malformed JSON at character " + at + ": expected " + expected);
        }
    }
}
