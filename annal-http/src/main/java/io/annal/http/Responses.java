package io.annal.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerResponse;

/** Writing JSON answers. */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";

    // one header object for every answer: building it per request showed in the profile
    private static final Header CONTENT_TYPE_JSON = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, JSON);

    private Responses() {}

    static void json(ServerResponse res, byte[] body) {
        res.header(CONTENT_TYPE_JSON);
        res.send(body);
    }

    static void json(ServerResponse res, Object value) {
        json(res, Json.bytes(value));
    }
}
