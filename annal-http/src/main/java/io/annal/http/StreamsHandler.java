package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamName;
import io.annal.store.StreamSlice;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.function.Consumer;

/** {@code /streams/{stream}}: append, read, read one, delete; metadata is {@link StreamMetadataHandler}. */
final class StreamsHandler {

    private final EventStore store;
    private final ApiLimits limits;
    private final StreamMetadataHandler metadata;
    private final Consumer<StreamName> onDeleted;

    StreamsHandler(EventStore store, ApiLimits limits, Consumer<StreamName> onDeleted) {
        this.store = store;
        this.limits = limits;
        this.metadata = new StreamMetadataHandler(store, limits);
        this.onDeleted = onDeleted;
    }

    void handle(ServerRequest req, ServerResponse res) {
        List<String> segments = Requests.segmentsAfter(req, "/streams/");
        if (segments.isEmpty() || segments.size() > 2) {
            throw Problem.notFound("no such resource: use /streams/{stream}, /streams/{stream}/{version} or "
                    + "/streams/{stream}/metadata");
        }
        StreamName stream = StreamName.of(segments.getFirst());
        Method method = req.prologue().method();
        if (segments.size() == 2) {
            if (segments.get(1).equals("metadata")) {
                metadata.handle(stream, method, req, res);
            } else if (method == Method.GET) {
                readOne(stream, segments.get(1), res);
            } else {
                throw methodNotAllowed(method, "GET");
            }
            return;
        }
        if (method == Method.POST) {
            append(stream, req, res);
        } else if (method == Method.GET) {
            read(stream, req, res);
        } else if (method == Method.DELETE) {
            delete(stream, req, res);
        } else {
            throw methodNotAllowed(method, "GET, POST, DELETE");
        }
    }

    static Problem methodNotAllowed(Method method, String allowed) {
        return Problem.of(405, "Method Not Allowed", method.text() + " is not allowed here; use " + allowed);
    }

    private void append(StreamName stream, ServerRequest req, ServerResponse res) {
        ExpectedVersion expected = Requests.expectedVersion(req);
        JsonNode body = Json.parse(Requests.body(req, limits.maxBodyBytes(), limits.requestTimeout()));
        String correlationId = Correlation.current();
        List<EventData> events =
                AppendRequest.events(body, limits, correlationId, Requests.header(req, Requests.CAUSATION_ID));
        AppendResult result = store.append(stream, expected, events);
        res.status(result.duplicate() ? Status.OK_200 : Status.CREATED_201);
        Responses.json(res, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("stream", stream.value());
            g.writeNumberField("firstVersion", result.firstVersion());
            g.writeNumberField("lastVersion", result.lastVersion());
            g.writeNumberField("firstPosition", result.firstPosition().value());
            g.writeNumberField("lastPosition", result.lastPosition().value());
            g.writeEndObject();
        }));
    }

    private void read(StreamName stream, ServerRequest req, ServerResponse res) {
        boolean backward = Requests.backward(req);
        long from = Requests.longParam(req, "from", backward ? Long.MAX_VALUE : 0);
        int limit = Requests.limit(req, StoreLimits.MAX_READ_COUNT);
        StreamSlice slice = store.readStream(stream, from, backward ? Direction.BACKWARD : Direction.FORWARD, limit);
        Responses.json(res, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("stream", stream.value());
            Json.writeEvents(g, "events", slice.events());
            g.writeNumberField("lastVersion", slice.lastVersion());
            if (slice.next().isPresent()) {
                g.writeNumberField("next", slice.next().getAsLong());
            } else {
                g.writeNullField("next");
            }
            g.writeEndObject();
        }));
    }

    private void readOne(StreamName stream, String versionText, ServerResponse res) {
        long version;
        try {
            version = Long.parseLong(versionText);
        } catch (NumberFormatException e) {
            throw Problem.notFound("no such resource under stream '" + stream + "': '" + Requests.shorten(versionText)
                    + "' is neither a version nor 'metadata'");
        }
        if (version < 0) {
            throw Problem.badRequest("a version is 0 or more (got " + version + ")");
        }
        List<RecordedEvent> events =
                store.readStream(stream, version, Direction.FORWARD, 1).events();
        if (events.isEmpty() || events.getFirst().version() != version) {
            throw Problem.notFound("stream '" + stream + "' has no event at version " + version)
                    .with("stream", stream.value())
                    .with("version", version);
        }
        Responses.json(res, Json.event(events.getFirst()));
    }

    private void delete(StreamName stream, ServerRequest req, ServerResponse res) {
        ExpectedVersion expected = Requests.expectedVersion(req);
        boolean hard = Requests.query(req, "hard")
                .map(value -> switch (value) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw Problem.badRequest("hard must be true or false");
                })
                .orElse(false);
        if (hard) {
            store.tombstone(stream, expected);
        } else {
            store.delete(stream, expected);
        }
        onDeleted.accept(stream);
        res.status(Status.NO_CONTENT_204);
        res.send();
    }
}
