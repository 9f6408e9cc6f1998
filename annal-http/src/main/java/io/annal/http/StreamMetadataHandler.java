package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.store.EventStore;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code GET|PUT /streams/{stream}/metadata}: retention bounds and custom data. */
final class StreamMetadataHandler {

    private static final java.util.Set<String> MEMBERS =
            java.util.Set.of("maxCount", "maxAge", "truncateBefore", "custom");

    private final EventStore store;
    private final ApiLimits limits;

    StreamMetadataHandler(EventStore store, ApiLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    void handle(StreamName stream, Method method, ServerRequest req, ServerResponse res) {
        if (method == Method.GET) {
            send(res, store.metadata(stream));
        } else if (method == Method.PUT) {
            StreamMetadata metadata =
                    parse(Json.parse(Requests.body(req, limits.maxEventBytes(), limits.requestTimeout())));
            store.setMetadata(stream, metadata);
            send(res, store.metadata(stream));
        } else {
            throw StreamsHandler.methodNotAllowed(method, "GET, PUT");
        }
    }

    private static void send(ServerResponse res, StreamMetadata metadata) {
        Responses.json(res, Json.write(g -> {
            g.writeStartObject();
            if (metadata.maxCount().isPresent()) {
                g.writeNumberField("maxCount", metadata.maxCount().getAsLong());
            }
            if (metadata.maxAge().isPresent()) {
                g.writeNumberField("maxAge", metadata.maxAge().get().toSeconds());
            }
            if (metadata.truncateBefore().isPresent()) {
                g.writeNumberField("truncateBefore", metadata.truncateBefore().getAsLong());
            }
            g.writeFieldName("custom");
            g.writeRawValue(new RawJson(metadata.custom()));
            g.writeEndObject();
        }));
    }

    private static StreamMetadata parse(JsonNode body) {
        if (!body.isObject()) {
            throw Problem.badRequest("stream metadata is a JSON object: {maxCount, maxAge, truncateBefore, custom}");
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (!MEMBERS.contains(field.getKey())) {
                throw Problem.badRequest("unknown stream metadata member '" + Requests.shorten(field.getKey())
                        + "'; use maxCount, maxAge, truncateBefore and custom");
            }
        }
        OptionalLong maxCount = number(body, "maxCount", 1);
        OptionalLong maxAge = number(body, "maxAge", 1);
        OptionalLong truncateBefore = number(body, "truncateBefore", 0);
        JsonNode custom = body.get("custom");
        if (custom != null && !custom.isNull() && !custom.isObject()) {
            throw Problem.badRequest("custom must be a JSON object");
        }
        byte[] customBytes = custom == null || custom.isNull() ? null : Json.bytes(custom);
        return new StreamMetadata(
                maxCount,
                maxAge.isPresent() ? Optional.of(Duration.ofSeconds(maxAge.getAsLong())) : Optional.empty(),
                truncateBefore,
                customBytes);
    }

    private static OptionalLong number(JsonNode body, String name, long min) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < min) {
            throw Problem.badRequest(name + " must be an integer of at least " + min);
        }
        return OptionalLong.of(value.asLong());
    }
}
