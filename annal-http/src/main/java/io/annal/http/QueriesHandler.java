package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /queries/{readModel}/{key}} and {@code GET /queries/{readModel}?…}, with
 * read-your-writes ({@code Min-Position}) and temporal answers ({@code asOf}, {@code atVersion}).
 */
final class QueriesHandler {

    private final Map<String, ReadModel> models;
    private final ApiLimits limits;
    private final StreamGuard guard;

    QueriesHandler(Map<String, ReadModel> models, ApiLimits limits, StreamGuard guard) {
        this.models = Map.copyOf(models);
        this.limits = limits;
        this.guard = guard;
    }

    void handle(ServerRequest req, ServerResponse res) throws InterruptedException {
        List<String> segments = Requests.segmentsAfter(req, "/queries/");
        if (segments.isEmpty() || segments.size() > 2) {
            throw Problem.notFound("ask /queries/{readModel}/{key} or /queries/{readModel}?…");
        }
        ReadModel model = models.get(segments.getFirst());
        if (model == null) {
            throw Problem.notFound("unknown read model '" + Requests.shorten(segments.getFirst()) + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(models.keySet())));
        }
        guard.checkQuery(
                req,
                segments.getFirst(),
                model.streamPrefix(),
                segments.size() == 2 ? Optional.of(segments.get(1)) : Optional.empty());
        waitForMinPosition(req, res, model);
        res.header(Requests.POSITION, Long.toString(Math.max(model.position(), 0)));
        Optional<JsonNode> answer;
        if (segments.size() == 2) {
            String key = segments.get(1);
            Optional<PointInTime> at = pointInTime(req);
            try {
                answer = at.isPresent() ? model.findAt(key, at.get()) : model.find(key);
            } catch (UnsupportedOperationException e) {
                throw Problem.badRequest("read model '" + segments.getFirst() + "' has no temporal answers");
            }
            if (answer.isEmpty()) {
                throw Problem.notFound("read model '" + segments.getFirst() + "' has nothing for '"
                        + Requests.shorten(key) + "'" + (at.isPresent() ? " at that point" : ""));
            }
        } else {
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            for (String name : req.query().names()) {
                parameters.put(name, Requests.queryAll(req, name));
            }
            answer = model.search(parameters);
            if (answer.isEmpty()) {
                throw Problem.notFound("read model '" + segments.getFirst() + "' has no search; ask for one key");
            }
        }
        Responses.json(res, answer.get());
    }

    private void waitForMinPosition(ServerRequest req, ServerResponse res, ReadModel model)
            throws InterruptedException {
        Optional<String> min = Requests.header(req, Requests.MIN_POSITION).or(() -> Requests.query(req, "minPosition"));
        if (min.isEmpty()) {
            return;
        }
        long position = Requests.nonNegative(min.get(), "Min-Position");
        Duration timeout = Requests.header(req, Requests.WAIT_TIMEOUT)
                .map(Requests::duration)
                .orElse(limits.defaultWaitTimeout());
        if (!model.awaitPosition(position, timeout)) {
            long reached = model.position();
            res.header(Requests.POSITION, Long.toString(Math.max(reached, 0)));
            throw Problem.of(
                            504,
                            "Gateway Timeout",
                            "the read model did not reach position " + position + " within " + timeout.toMillis()
                                    + " ms")
                    .with("position", reached < 0 ? null : reached);
        }
    }

    private static Optional<PointInTime> pointInTime(ServerRequest req) {
        Optional<String> asOf = Requests.query(req, "asOf");
        Optional<String> atVersion = Requests.query(req, "atVersion");
        if (asOf.isPresent() && atVersion.isPresent()) {
            throw Problem.badRequest("ask with asOf or atVersion, not both");
        }
        if (asOf.isPresent()) {
            try {
                return Optional.of(new PointInTime.AsOf(Instant.parse(asOf.get())));
            } catch (DateTimeParseException e) {
                throw Problem.badRequest("asOf must be an RFC 3339 instant such as 2026-01-31T12:00:00Z");
            }
        }
        return atVersion.map(v -> new PointInTime.AtVersion(Requests.nonNegative(v, "atVersion")));
    }
}
