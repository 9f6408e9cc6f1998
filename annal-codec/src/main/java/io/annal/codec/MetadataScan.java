package io.annal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the schema version from stored metadata bytes without building a tree: every decode needs
 * the version, few callers need the rest. Anything unusual (not an object, not valid JSON, a
 * version that is not a plain positive int) answers {@link #UNSURE}, and the codec then reads the
 * tree the slow way, which also gives the precise error.
 *
 * <p>Metadata as Annal writes it (an object of ASCII strings and small integers) is scanned by
 * hand: a JSON parser set up per event was a sixth of a read model's CPU. Whatever the hand scan
 * does not recognise goes to the streaming parser, which decides.
 */
final class MetadataScan {

    /** The scan could not vouch for the bytes. */
    static final int UNSURE = -1;

    private static final byte[] VERSION_KEY = Metadata.SCHEMA_VERSION.getBytes(StandardCharsets.US_ASCII);

    private MetadataScan() {}

    /** The stored schema version (1 when absent), or {@link #UNSURE}. */
    static int schemaVersion(byte[] json) {
        if (json.length == 0) {
            return 1;
        }
        int version = plain(json);
        return version != UNSURE ? version : streamed(json);
    }

    /** The hand scan alone: {@link #UNSURE} for anything it does not recognise. */
    static int plain(byte[] json) {
        return new Plain(json).version();
    }

    /** Jackson's streaming parser alone. */
    static int streamed(byte[] json) {
        int version = 1;
        try (JsonParser p = Json.MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return UNSURE;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                boolean isVersion = Metadata.SCHEMA_VERSION.equals(p.currentName());
                JsonToken value = p.nextToken();
                if (isVersion) {
                    if (value != JsonToken.VALUE_NUMBER_INT
                            || p.getNumberType() != JsonParser.NumberType.INT
                            || p.getIntValue() <= 0) {
                        return UNSURE;
                    }
                    version = p.getIntValue();
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return UNSURE;
            }
            return version;
        } catch (IOException e) {
            return UNSURE;
        }
    }

    /**
     * One object whose keys are ASCII strings and whose values are ASCII strings or integers,
     * escapes other than {@code \\u} allowed; {@link #UNSURE} for anything else, valid or not.
     */
    private static final class Plain {

        private final byte[] in;
        private int at;

        Plain(byte[] in) {
            this.in = in;
        }

        int version() {
            int version = 1;
            skipSpace();
            if (!take('{')) {
                return UNSURE;
            }
            skipSpace();
            if (take('}')) {
                return atEnd() ? version : UNSURE;
            }
            while (true) {
                int keyStart = at + 1;
                if (!string()) {
                    return UNSURE;
                }
                boolean isVersion = Arrays.equals(in, keyStart, at - 1, VERSION_KEY, 0, VERSION_KEY.length);
                skipSpace();
                if (!take(':')) {
                    return UNSURE;
                }
                skipSpace();
                if (isVersion) {
                    version = positiveInt();
                    if (version == UNSURE) {
                        return UNSURE;
                    }
                } else if (!(at < in.length && in[at] == '"' ? string() : integer())) {
                    return UNSURE;
                }
                skipSpace();
                if (take('}')) {
                    return atEnd() ? version : UNSURE;
                }
                if (!take(',')) {
                    return UNSURE;
                }
                skipSpace();
            }
        }

        /** A string of printable ASCII, the opening quote at {@code at}; ends after the closing one. */
        private boolean string() {
            if (!take('"')) {
                return false;
            }
            while (at < in.length) {
                byte b = in[at++];
                if (b == '"') {
                    return true;
                }
                if (b < 0x20) { // a control character, or a byte of a multi-byte character
                    return false;
                }
                if (b == '\\') {
                    if (at == in.length || "\"\\/bfnrt".indexOf(in[at++]) < 0) {
                        return false;
                    }
                }
            }
            return false;
        }

        private boolean integer() {
            take('-');
            return digits() > 0;
        }

        /** 1 to 999,999,999 written plainly, or {@link #UNSURE}. */
        private int positiveInt() {
            int start = at;
            int count = digits();
            if (count == 0 || count > 9 || in[start] == '0') {
                return UNSURE;
            }
            int value = 0;
            for (int i = start; i < at; i++) {
                value = value * 10 + (in[i] - '0');
            }
            return value;
        }

        /** Digits without a leading zero (a lone 0 is fine), followed by neither '.', 'e' nor 'E'. */
        private int digits() {
            int start = at;
            while (at < in.length && in[at] >= '0' && in[at] <= '9') {
                at++;
            }
            int count = at - start;
            if (count > 1 && in[start] == '0') {
                return 0;
            }
            if (at < in.length && (in[at] == '.' || in[at] == 'e' || in[at] == 'E')) {
                return 0;
            }
            return count;
        }

        private boolean take(char c) {
            if (at < in.length && in[at] == c) {
                at++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < in.length && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
                at++;
            }
        }

        private boolean atEnd() {
            skipSpace();
            return at == in.length;
        }
    }
}
