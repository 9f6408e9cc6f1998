package io.annal.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** Writing JSON answers. */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";

    private Responses() {}

    static void json(ServerResponse res, byte[] body) {
        res.header(HeaderNames.CONTENT_TYPE, JSON);
        res.send(body);
    }

    static void json(ServerResponse res, Object value) {
        json(res, Json.bytes(value));
    }
}
