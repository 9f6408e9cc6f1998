package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.store.AllSlice;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.EventStore;
import io.annal.store.MetadataKeys;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamInfo;
import io.annal.store.StreamName;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /admin/…}: streams, correlations, projections and dead letters. */
final class AdminHandler {

    /** The most events one correlation lookup reads before it answers with where to continue. */
    static final long MAX_SCANNED = 100_000;

    private final EventStore store;
    private final Operations operations;

    AdminHandler(EventStore store, Operations operations) {
        this.store = store;
        this.operations = operations;
    }

    void handle(ServerRequest req, ServerResponse res) {
        List<String> s = Requests.segmentsAfter(req, "/admin/");
        Method method = req.prologue().method();
        String resource = s.isEmpty() ? "" : s.getFirst();
        if (method == Method.GET && s.size() == 1 && resource.equals("streams")) {
            streams(req, res);
        } else if (method == Method.GET && s.size() == 2 && resource.equals("correlations")) {
            correlation(s.get(1), req, res);
        } else if (method == Method.GET && s.size() == 1 && resource.equals("projections")) {
            Responses.json(res, operations.projections());
        } else if (method == Method.POST && s.size() == 3 && resource.equals("projections")) {
            String action = s.get(2);
            if (!List.of("rebuild", "pause", "resume").contains(action)) {
                throw Problem.notFound("a projection can be rebuilt, paused or resumed");
            }
            if (!operations.controlProjection(s.get(1), action)) {
                throw Problem.notFound("no projection named '" + Requests.shorten(s.get(1)) + "'");
            }
            Responses.json(res, operations.projections());
        } else if (method == Method.GET && s.size() == 1 && resource.equals("dead-letters")) {
            Responses.json(res, operations.deadLetters());
        } else if (method == Method.POST && s.size() == 3 && resource.equals("dead-letters")) {
            if (!List.of("retry", "skip").contains(s.get(2))) {
                throw Problem.notFound("a dead letter can be retried or skipped");
            }
            JsonNode done = operations
                    .resolveDeadLetter(s.get(1), s.get(2))
                    .orElseThrow(() -> Problem.notFound("no dead letter '" + Requests.shorten(s.get(1)) + "'"));
            Responses.json(res, done);
        } else {
            throw Problem.notFound("no such admin resource");
        }
    }

    private void streams(ServerRequest req, ServerResponse res) {
        String prefix = Requests.query(req, "prefix").orElse("");
        int limit = Requests.limit(req, 10_000);
        Optional<StreamName> after = Requests.query(req, "after").map(StreamName::new);
        List<StreamInfo> streams = new ArrayList<>();
        for (StreamInfo info : store.listStreams(prefix, after, limit + 1)) {
            if (prefix.startsWith(StreamName.SYSTEM_PREFIX) || !info.stream().isSystem()) {
                streams.add(info);
            }
        }
        boolean more = streams.size() > limit;
        List<StreamInfo> page = more ? streams.subList(0, limit) : streams;
        Responses.json(res, Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("streams");
            for (StreamInfo info : page) {
                g.writeStartObject();
                g.writeStringField("stream", info.stream().value());
                g.writeStringField("state", info.state().name().toLowerCase(java.util.Locale.ROOT));
                if (info.lastVersion().isPresent()) {
                    g.writeNumberField("lastVersion", info.lastVersion().getAsLong());
                } else {
                    g.writeNullField("lastVersion");
                }
                if (info.lastWrite().isPresent()) {
                    g.writeStringField(
                            "lastWrite", Json.instant(info.lastWrite().get()));
                } else {
                    g.writeNullField("lastWrite");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (more) {
                g.writeStringField("next", page.getLast().stream().value());
            } else {
                g.writeNullField("next");
            }
            g.writeEndObject();
        }));
    }

    /**
     * Every event whose metadata names the correlation id, in the global order. Scans the log from
     * {@code from} (default the start) for at most {@link #MAX_SCANNED} events and
     * {@link StoreLimits#MAX_READ_COUNT} matches, so that one request costs a bounded time and
     * memory; {@code next} says where to continue, {@code null} once the end of the log was read.
     */
    private void correlation(String correlationId, ServerRequest req, ServerResponse res) {
        byte[] needle = correlationId.getBytes(StandardCharsets.UTF_8);
        List<RecordedEvent> found = new ArrayList<>();
        Optional<Position> next = Optional.of(Position.of(Requests.longParam(req, "from", 0)));
        long scanned = 0;
        while (next.isPresent() && scanned < MAX_SCANNED && found.size() < StoreLimits.MAX_READ_COUNT) {
            AllSlice slice =
                    store.readAll(next.get(), Direction.FORWARD, StoreLimits.MAX_READ_COUNT, EventFilter.all());
            next = slice.next();
            for (RecordedEvent event : slice.events()) {
                scanned++;
                if (!event.stream().isSystem()
                        && contains(event.metadata(), needle)
                        && correlates(event, correlationId)) {
                    found.add(event);
                    if (found.size() == StoreLimits.MAX_READ_COUNT) {
                        next = Optional.of(Position.of(event.position().value() + 1));
                        break;
                    }
                }
            }
        }
        Optional<Position> continueFrom = next;
        Responses.json(res, Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("correlationId", correlationId);
            Json.writeEvents(g, "events", found);
            if (continueFrom.isPresent()) {
                g.writeNumberField("next", continueFrom.get().value());
            } else {
                g.writeNullField("next");
            }
            g.writeEndObject();
        }));
    }

    private static boolean correlates(RecordedEvent event, String correlationId) {
        try {
            JsonNode metadata = Json.MAPPER.readTree(event.metadata());
            return metadata != null
                    && metadata.path(MetadataKeys.CORRELATION_ID).asText("").equals(correlationId);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
