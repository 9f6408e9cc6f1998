package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.http.ApiLimits;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every error, the web server's own included (unknown route, wrong method, malformed HTTP, URI or
 * headers too long, a body too large, of the wrong type or too slow), is problem+json.
 */
class HttpErrorsApiTest {

    @RegisterExtension
    static final TestServer server =
            TestServer.perClass(ApiLimits.defaults().withRequestTimeout(Duration.ofSeconds(1)));

    private static JsonNode problem(TestServer.Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank().doesNotContain("Exception", "\tat ");
        return body;
    }

    /** The status and the problem body of a raw answer. */
    private static JsonNode rawProblem(String answer, int status) throws IOException {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        JsonNode body = TestServer.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank().doesNotContain("Exception", "\tat ");
        return body;
    }

    @Test
    void an_unknown_route_is_404() {
        problem(server.get("/no-such-thing"), 404);
    }

    @Test
    void a_known_route_with_another_method_is_405_with_allow() {
        TestServer.Answer all = server.send(
                HttpRequest.newBuilder(server.uri("/all")).method("PATCH", HttpRequest.BodyPublishers.noBody()));
        problem(all, 405);
        assertThat(all.header("Allow")).contains("GET");
        TestServer.Answer command = server.delete("/commands/deposit");
        problem(command, 405);
        assertThat(command.header("Allow")).contains("POST");
        problem(server.put("/streams/e-1", "[]"), 405);
    }

    @Test
    void a_body_that_is_not_json_is_415_and_appends_nothing() {
        problem(server.post("/streams/e-415", "hello".getBytes(), "Content-Type", "text/plain"), 415);
        problem(server.get("/streams/e-415"), 404);
        assertThat(server.post("/streams/e-415", "{\"type\":\"A\"}").status()).isEqualTo(201);
    }

    @Test
    void a_body_over_the_limit_is_413() {
        problem(server.post("/streams/e-413", new byte[5 << 20], "Content-Type", "application/json"), 413);
        problem(server.get("/streams/e-413"), 404);
    }

    @Test
    void malformed_http_is_400_problem_json() throws IOException {
        try (RawHttp raw = new RawHttp(server.port())) {
            rawProblem(raw.send("GARBAGE\r\n\r\n").answer(), 400);
        }
        try (RawHttp raw = new RawHttp(server.port())) {
            rawProblem(
                    raw.send("GET /all HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n")
                            .answer(),
                    400);
        }
        try (RawHttp raw = new RawHttp(server.port())) {
            rawProblem(raw.send("GET /all HTTP/1.1\r\n\r\n").answer(), 400);
        }
    }

    @Test
    void a_uri_or_headers_too_long_are_problem_json() throws IOException {
        try (RawHttp raw = new RawHttp(server.port())) {
            String answer = raw.send("GET /all?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .answer();
            assertThat(answer).startsWith("HTTP/1.1 4");
            rawProblem(answer, Integer.parseInt(answer.substring(9, 12)));
        }
        try (RawHttp raw = new RawHttp(server.port())) {
            String answer = raw.send("GET /all HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n")
                    .answer();
            assertThat(answer).startsWith("HTTP/1.1 4");
            rawProblem(answer, Integer.parseInt(answer.substring(9, 12)));
        }
    }

    @Test
    void a_body_that_trickles_in_past_the_request_timeout_is_408_and_appends_nothing() throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("POST /streams/e-408 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 64\r\n\r\n[");
            String body = "{\"type\":\"A\"}";
            for (int i = 0; i < body.length(); i++) {
                Thread.sleep(200); // together longer than the 1 s request timeout
                raw.send(body.substring(i, i + 1));
            }
            rawProblem(raw.answer(), 408);
        }
        problem(server.get("/streams/e-408"), 404);
    }

    @Test
    void a_body_that_stops_arriving_is_408() throws IOException {
        try (RawHttp raw = new RawHttp(server.port())) {
            raw.send("POST /streams/e-408b HTTP/1.1\r\nHost: x\r\nContent-Length: 64\r\n\r\n[{\"type\"");
            rawProblem(raw.answer(), 408);
        }
        problem(server.get("/streams/e-408b"), 404);
    }
}
