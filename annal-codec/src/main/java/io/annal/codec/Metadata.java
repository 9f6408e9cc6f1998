package io.annal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.annal.store.MetadataKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An event's metadata: a JSON object with the standard keys of {@link MetadataKeys} and any other
 * keys, whose values are kept exactly as given (numbers included). Immutable: every {@code with}
 * returns a new instance.
 */
public final class Metadata {

    /**
     * The key of the event's schema version, a positive integer written by the codec on every
     * encode; an event without it is version 1.
     */
    public static final String SCHEMA_VERSION = "schemaVersion";

    private static final Metadata EMPTY = new Metadata(Json.MAPPER.createObjectNode());

    /** The stored bytes, parsed on first use: most decoded events never look at their metadata. */
    private final byte[] stored;

    private volatile ObjectNode fields;

    private Metadata(ObjectNode fields) {
        this.stored = new byte[0];
        this.fields = fields;
    }

    private Metadata(byte[] stored) {
        this.stored = stored;
    }

    /** Metadata from bytes that {@link MetadataScan} has already checked to be one JSON object. */
    static Metadata ofChecked(byte[] json) {
        return json.length == 0 ? EMPTY : new Metadata(json);
    }

    private ObjectNode fields() {
        ObjectNode parsed = fields;
        if (parsed == null) {
            parsed = parse(stored).fields();
            fields = parsed;
        }
        return parsed;
    }

    public static Metadata empty() {
        return EMPTY;
    }

    /**
     * Reads metadata bytes: a UTF-8 JSON object, or nothing at all (empty metadata).
     *
     * @throws MalformedEventException the bytes are not a JSON object
     */
    public static Metadata parse(byte[] json) {
        Objects.requireNonNull(json, "metadata bytes");
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("metadata is not valid JSON: " + Json.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedEventException(
                    "metadata must be a JSON object such as {\"correlationId\": \"c-1\"}, not " + node.getNodeType());
        }
        return new Metadata(object);
    }

    /** Reads metadata from JSON text. */
    public static Metadata parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public Metadata withCorrelationId(String correlationId) {
        return with(MetadataKeys.CORRELATION_ID, correlationId);
    }

    public Metadata withCausationId(String causationId) {
        return with(MetadataKeys.CAUSATION_ID, causationId);
    }

    public Metadata withUserId(String userId) {
        return with(MetadataKeys.USER_ID, userId);
    }

    public Metadata with(String key, String value) {
        return with(key, TextNode.valueOf(Objects.requireNonNull(value, key)));
    }

    /** Sets {@code key} to a copy of {@code value}, replacing what was there. */
    public Metadata with(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, key);
        ObjectNode copy = fields().deepCopy();
        copy.set(key, value.deepCopy());
        return new Metadata(copy);
    }

    public Metadata without(String key) {
        if (!fields().has(key)) {
            return this;
        }
        ObjectNode copy = fields().deepCopy();
        copy.remove(key);
        return new Metadata(copy);
    }

    public Optional<String> correlationId() {
        return text(MetadataKeys.CORRELATION_ID);
    }

    public Optional<String> causationId() {
        return text(MetadataKeys.CAUSATION_ID);
    }

    public Optional<String> userId() {
        return text(MetadataKeys.USER_ID);
    }

    /** The schema version the codec wrote, when present and a positive integer. */
    public OptionalInt schemaVersion() {
        JsonNode node = fields().get(SCHEMA_VERSION);
        return node != null && node.canConvertToExactIntegral() && node.canConvertToInt() && node.intValue() > 0
                ? OptionalInt.of(node.intValue())
                : OptionalInt.empty();
    }

    /** The value of {@code key} as text, when it is a string, number or boolean. */
    public Optional<String> text(String key) {
        JsonNode node = fields().get(key);
        return node != null && node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** A copy of the value of {@code key}, whatever its JSON type. */
    public Optional<JsonNode> value(String key) {
        return Optional.ofNullable(fields().get(key)).map(JsonNode::deepCopy);
    }

    /** The keys, in the order they were given. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        fields().fieldNames().forEachRemaining(keys::add);
        return Collections.unmodifiableList(keys);
    }

    public boolean isEmpty() {
        return fields().isEmpty();
    }

    /** A copy of the whole object. */
    public ObjectNode asJson() {
        return fields().deepCopy();
    }

    /**
     * The UTF-8 JSON bytes to store with {@code schemaVersion} set to {@code version}, streamed
     * without a copy of the tree; the key keeps its place when present, else it comes last.
     */
    byte[] toBytesWithVersion(int version) {
        return MetadataWriter.write(fields().properties(), version);
    }

    /** The UTF-8 JSON bytes to store. */
    public byte[] toBytes() {
        try {
            return Json.write(fields());
        } catch (JsonProcessingException e) {
            throw new CodecException("could not write metadata " + fields(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata other && fields().equals(other.fields());
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    @Override
    public String toString() {
        return fields().toString();
    }
}
