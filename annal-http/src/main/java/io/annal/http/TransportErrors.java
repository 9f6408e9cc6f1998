package io.annal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Problem+json for what the web server answers before any route runs: a malformed request line or
 * header, a URI or headers too long, a body over the server's payload limit. Helidon would send
 * them with an empty body.
 */
final class TransportErrors {

    private TransportErrors() {}

    static DirectHandlers handlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, TransportErrors::handle);
        }
        return builder.build();
    }

    private static DirectHandler.TransportResponse handle(
            DirectHandler.TransportRequest request,
            DirectHandler.EventType type,
            Status status,
            ServerResponseHeaders headers,
            String message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", status.reasonPhrase());
        body.put("status", status.code());
        body.put("detail", detail(type, status, message));
        headers.set(HeaderNames.CONTENT_TYPE, ProblemResponses.PROBLEM_JSON);
        return DirectHandler.TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(Json.bytes(body))
                .build();
    }

    private static String detail(DirectHandler.EventType type, Status status, String message) {
        if (type == DirectHandler.EventType.INTERNAL_ERROR || status.code() >= 500) {
            // the server's own message may name its internals
            return "the server could not handle the request";
        }
        String shown = message == null || message.isBlank() ? status.reasonPhrase() : Requests.shorten(message);
        return "the request is not valid HTTP the server accepts: " + shown;
    }
}
