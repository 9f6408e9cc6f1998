package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.store.EventData;
import io.annal.store.EventIds;
import io.annal.store.MetadataKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Turns an append body (an array of events, or one event) into the events to store. */
final class AppendRequest {

    private AppendRequest() {}

    /**
     * The events of {@code body}. Metadata gains the request's correlation id unless the caller
     * set one, and its causation id when the request names one.
     */
    static List<EventData> events(JsonNode body, ApiLimits limits, String correlationId, Optional<String> causationId) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else if (body.isObject()) {
            items.add(body);
        } else {
            throw Problem.badRequest("the body must be an event object or an array of events");
        }
        if (items.isEmpty()) {
            throw Problem.badRequest("the body holds no events; send at least one");
        }
        if (items.size() > limits.maxEventsPerAppend()) {
            throw Problem.tooLarge("an append holds at most " + limits.maxEventsPerAppend() + " events (got "
                            + items.size() + ")")
                    .with("limit", limits.maxEventsPerAppend());
        }
        List<EventData> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            events.add(event(items.get(i), i, limits, correlationId, causationId));
        }
        return events;
    }

    private static EventData event(
            JsonNode item, int index, ApiLimits limits, String correlationId, Optional<String> causationId) {
        String where = "event " + index;
        if (!item.isObject()) {
            throw Problem.badRequest(where + " must be a JSON object with a type and data");
        }
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            if (!List.of("id", "type", "data", "metadata").contains(field.getKey())) {
                throw Problem.badRequest(where + " has an unknown member '" + Requests.shorten(field.getKey())
                        + "'; an event has id, type, data and metadata");
            }
        }
        UUID id = id(item.get("id"), where);
        JsonNode type = item.get("type");
        if (type == null || !type.isTextual()) {
            throw Problem.badRequest(where + " needs a type: a string of 1 to 256 characters");
        }
        String typeName = type.textValue();
        if (typeName.isBlank() || typeName.length() > EventData.MAX_TYPE_LENGTH) {
            throw Problem.badRequest(where + "'s type must be 1 to " + EventData.MAX_TYPE_LENGTH
                    + " characters and not blank (got " + typeName.length() + ")");
        }
        JsonNode data = item.get("data");
        byte[] dataBytes = data == null ? new byte[0] : Json.bytes(data);
        byte[] metadata = Json.bytes(metadata(item.get("metadata"), where, correlationId, causationId));
        long size = (long) dataBytes.length + metadata.length;
        if (size > limits.maxEventBytes()) {
            throw Problem.tooLarge(where + " has " + size + " bytes of data and metadata; the limit is "
                            + limits.maxEventBytes() + " bytes")
                    .with("limit", limits.maxEventBytes());
        }
        return EventData.of(id, typeName, dataBytes, metadata);
    }

    private static UUID id(JsonNode id, String where) {
        if (id == null || id.isNull()) {
            return EventIds.next();
        }
        if (id.isTextual()) {
            try {
                String text = id.textValue();
                UUID parsed = UUID.fromString(text);
                if (parsed.toString().equalsIgnoreCase(text)) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw Problem.badRequest(where + "'s id must be a UUID such as 8f6c2c1e-7a5b-4f7e-9d3a-1b2c3d4e5f60");
    }

    private static ObjectNode metadata(
            JsonNode metadata, String where, String correlationId, Optional<String> causationId) {
        ObjectNode out;
        if (metadata == null || metadata.isNull()) {
            out = Json.MAPPER.createObjectNode();
        } else if (metadata.isObject()) {
            out = (ObjectNode) metadata;
        } else {
            throw Problem.badRequest(where + "'s metadata must be a JSON object");
        }
        if (!out.has(MetadataKeys.CORRELATION_ID)) {
            out.put(MetadataKeys.CORRELATION_ID, correlationId);
        }
        if (!out.has(MetadataKeys.CAUSATION_ID) && causationId.isPresent()) {
            out.put(MetadataKeys.CAUSATION_ID, causationId.get());
        }
        return out;
    }
}
