package io.annal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the schema version from stored metadata bytes by streaming over them, without building a
 * tree: every decode needs the version, few callers need the rest. Anything unusual (not an
 * object, not valid JSON, a version that is not a plain positive int) answers {@link #UNSURE}, and
 * the codec then reads the tree the slow way, which also gives the precise error.
 */
final class MetadataScan {

    /** The scan could not vouch for the bytes. */
    static final int UNSURE = -1;

    private MetadataScan() {}

    /** The stored schema version (1 when absent), or {@link #UNSURE}. */
    static int schemaVersion(byte[] json) {
        if (json.length == 0) {
            return 1;
        }
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
}
