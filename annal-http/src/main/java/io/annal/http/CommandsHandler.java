package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.command.CommandContext;
import io.annal.command.CommandResult;
import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StoreLimits;
import io.annal.store.StreamNotFoundException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /commands/{commandType}}: runs a command and answers with what it appended. */
final class CommandsHandler {

    private final EventStore store;
    private final Map<String, CommandRoute> routes;
    private final ApiLimits limits;
    private final ApiMetrics metrics;
    private final StreamGuard guard;

    CommandsHandler(
            EventStore store,
            Map<String, CommandRoute> routes,
            ApiLimits limits,
            ApiMetrics metrics,
            StreamGuard guard) {
        this.store = store;
        this.guard = guard;
        this.routes = Map.copyOf(routes);
        this.limits = limits;
        this.metrics = metrics;
    }

    void handle(ServerRequest req, ServerResponse res) {
        List<String> segments = Requests.segmentsAfter(req, "/commands/");
        String type = segments.size() == 1 ? segments.getFirst() : "";
        CommandRoute route = routes.get(type);
        if (route == null) {
            throw Problem.notFound("unknown command type '" + Requests.shorten(type) + "'; known: "
                            + String.join(", ", new java.util.TreeSet<>(routes.keySet())))
                    .with("code", "unknown-command");
        }
        JsonNode body = Json.parse(Requests.body(req, limits.maxBodyBytes(), limits.requestTimeout()));
        if (!body.isObject()) {
            throw Problem.badRequest("a command is a JSON object").with("code", "malformed-command");
        }
        CommandResult result;
        try {
            guard.checkCommand(req, type, () -> route.streams(body));
            result = route.handle(body, context(req, body));
        } catch (CommandInputException | IllegalArgumentException | ArithmeticException e) {
            // the last two: a command record or a decider refusing values no rule foresaw
            metrics.command(type, "invalid");
            throw Problem.badRequest(String.valueOf(e.getMessage())).with("code", "malformed-command");
        }
        switch (result) {
            case CommandResult.Accepted accepted -> {
                metrics.command(type, "accepted");
                Responses.json(res, accepted(accepted));
            }
            case CommandResult.Rejected rejected -> {
                metrics.command(type, "rejected");
                throw Problem.of(
                                422,
                                "Unprocessable Content",
                                rejected.rejection().message())
                        .with("code", rejected.rejection().code())
                        .with("stream", rejected.stream().value());
            }
            case CommandResult.Conflict conflict -> {
                metrics.command(type, "conflict");
                throw Problem.of(
                                409,
                                "Conflict",
                                "stream '" + conflict.stream() + "' kept changing during " + conflict.attempts()
                                        + " attempts; sending the command again is safe")
                        .with("code", "concurrency-conflict")
                        .with("stream", conflict.stream().value())
                        .with("currentVersion", conflict.currentVersion().orElse(null));
            }
        }
    }

    private static CommandContext context(ServerRequest req, JsonNode body) {
        Optional<String> key = Requests.header(req, Requests.IDEMPOTENCY_KEY);
        JsonNode bodyId = body.get("commandId");
        if (key.isEmpty() && bodyId != null && !bodyId.isNull()) {
            if (!bodyId.isTextual()) {
                throw Problem.badRequest("commandId must be a string").with("code", "malformed-command");
            }
            key = Optional.of(bodyId.textValue());
        }
        CommandContext context = CommandContext.none();
        if (key.isPresent()) {
            String id = key.get();
            if (id.isBlank() || id.length() > CommandContext.MAX_COMMAND_ID_LENGTH) {
                throw Problem.badRequest("an idempotency key is 1 to " + CommandContext.MAX_COMMAND_ID_LENGTH
                                + " characters and not blank")
                        .with("code", "malformed-command");
            }
            context = context.commandId(id);
        }
        context = context.correlationId(Correlation.current());
        Optional<String> causation =
                Requests.header(req, Requests.CAUSATION_ID).filter(id -> !id.isBlank() && id.length() <= 200);
        if (causation.isPresent()) {
            context = context.causationId(causation.get());
        }
        return context;
    }

    private byte[] accepted(CommandResult.Accepted accepted) {
        List<RecordedEvent> events =
                accepted.append().map(a -> appended(a, accepted.events())).orElse(List.of());
        Long position = accepted.position()
                .map(p -> p.value())
                .orElseGet(() -> store.headPosition().map(p -> p.value()).orElse(null));
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("stream", accepted.stream().value());
            if (accepted.version().isPresent()) {
                g.writeNumberField("version", accepted.version().getAsLong());
            } else {
                g.writeNullField("version");
            }
            if (position != null) {
                g.writeNumberField("position", position);
            } else {
                g.writeNullField("position");
            }
            Json.writeEvents(g, "events", events);
            g.writeEndObject();
        });
    }

    /**
     * The appended events as recorded: built from what was appended when the result says every
     * event's position and time (one event, or positions without a gap), else read back.
     */
    private List<RecordedEvent> appended(AppendResult append, List<EventData> sent) {
        long span = append.lastPosition().value() - append.firstPosition().value();
        if (append.recordedAt().isEmpty() || sent.size() != append.count() || span != append.count() - 1L) {
            return readBack(append);
        }
        List<RecordedEvent> out = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            EventData event = sent.get(i);
            out.add(new RecordedEvent(
                    append.stream(),
                    append.firstVersion() + i,
                    Position.of(append.firstPosition().value() + i),
                    event.id(),
                    event.type(),
                    event.data(),
                    event.metadata(),
                    append.recordedAt().get()));
        }
        return out;
    }

    private List<RecordedEvent> readBack(AppendResult append) {
        List<RecordedEvent> out = new ArrayList<>(append.count());
        long from = append.firstVersion();
        try {
            while (from <= append.lastVersion()) {
                int want = (int) Math.min(append.lastVersion() - from + 1, StoreLimits.MAX_READ_COUNT);
                List<RecordedEvent> page = store.readStream(append.stream(), from, Direction.FORWARD, want)
                        .events();
                if (page.isEmpty()) {
                    break;
                }
                for (RecordedEvent event : page) {
                    if (event.version() <= append.lastVersion()) {
                        out.add(event);
                    }
                }
                from = page.getLast().version() + 1;
            }
        } catch (StreamNotFoundException e) {
            return List.of(); // deleted since: the outcome stands, the events can no longer be shown
        }
        return out;
    }
}
