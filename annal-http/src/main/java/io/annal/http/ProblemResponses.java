package io.annal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.store.EventStoreException;
import io.annal.store.EventTooLargeException;
import io.annal.store.IdempotencyConflictException;
import io.annal.store.InvalidRequestException;
import io.annal.store.InvalidStreamNameException;
import io.annal.store.StorageException;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamNotFoundException;
import io.annal.store.WrongExpectedVersionException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns whatever a handler threw into a problem+json answer; never a stack trace on the wire. */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {}

    static void send(ServerResponse res, Throwable error) {
        Problem problem = toProblem(error);
        if (res.isSent()) {
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        for (Map.Entry<String, Object> member : problem.extensions().entrySet()) {
            body.set(member.getKey(), Json.MAPPER.valueToTree(member.getValue()));
        }
        res.status(problem.status());
        res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        if (problem.status() == 408) {
            // the rest of the body may still be on its way: the connection cannot carry another request
            res.header(HeaderNames.CONNECTION, "close");
        }
        res.send(Json.bytes(body));
    }

    static Problem toProblem(Throwable error) {
        return switch (error) {
            case Problem p -> p;
            case JsonProcessingException e ->
                Problem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
            case InvalidStreamNameException e -> Problem.badRequest(e.getMessage());
            case InvalidRequestException e -> Problem.badRequest(e.getMessage());
            case StreamNotFoundException e ->
                Problem.notFound(e.getMessage()).with("stream", e.stream().value());
            case StreamDeletedException e ->
                Problem.of(410, "Gone", e.getMessage())
                        .with("stream", e.stream().value());
            case WrongExpectedVersionException e ->
                Problem.of(409, "Conflict", e.getMessage())
                        .with("stream", e.stream().value())
                        .with("expectedVersion", e.expected().toString())
                        .with("currentVersion", e.currentVersion().orElse(null));
            case IdempotencyConflictException e ->
                Problem.of(409, "Conflict", e.getMessage())
                        .with("stream", e.stream().value());
            case EventTooLargeException e -> Problem.tooLarge(e.getMessage()).with("limit", e.limit());
            case StorageException e -> unavailable(e);
            case EventStoreException e -> Problem.badRequest(e.getMessage());
            default -> internal(error);
        };
    }

    private static Problem unavailable(Throwable error) {
        LOG.warn("storage failed while serving a request", error);
        return Problem.of(503, "Service Unavailable", "the store could not complete the request; retry later");
    }

    private static Problem internal(Throwable error) {
        LOG.error("request failed", error);
        return Problem.of(500, "Internal Server Error", "the server failed to handle the request");
    }
}
