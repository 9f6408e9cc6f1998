package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.http.ApiLimits;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past the in-flight cap of its route class a request is answered 503 at once and changes nothing. */
class OverloadApiTest {

    private static final String EVENT = "{\"type\":\"A\"}";

    @Test
    void writes_past_the_cap_are_refused_with_503_while_reads_go_on(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(
                        dir, ApiLimits.defaults(), "--max-in-flight-writes", "2", "--max-in-flight-reads", "1");
                RawHttp first = stalledAppend(server, "slow-1");
                RawHttp second = stalledAppend(server, "slow-2")) {
            TestServer.Answer refused = server.post("/streams/refused", EVENT);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(refused.json().get("code").asText()).isEqualTo("overloaded");
            assertThat(server.post("/commands/open-account", "{\"accountId\":\"o-1\",\"owner\":\"O\"}")
                            .status())
                    .isEqualTo(503);
            // reads have their own cap
            assertThat(server.get("/streams/refused").status()).isEqualTo(404);

            first.send(EVENT);
            second.send(EVENT);
            assertThat(first.answer()).startsWith("HTTP/1.1 201");
            assertThat(second.answer()).startsWith("HTTP/1.1 201");
            awaitInFlight(server, "writes", 0);
            assertThat(server.get("/streams/slow-1").json().get("events")).hasSize(1);
            assertThat(server.get("/streams/refused").status()).isEqualTo(404);
            assertThat(server.get("/streams/account-o-1").status()).isEqualTo(404);
            assertThat(server.post("/streams/refused", EVENT).status()).isEqualTo(201);
        }
    }

    @Test
    void reads_past_the_cap_are_refused_with_503_while_writes_go_on(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir, ApiLimits.defaults(), "--max-in-flight-reads", "1")) {
            long position = server.command("open-account", "{\"accountId\":\"r-1\",\"owner\":\"R\"}")
                    .get("position")
                    .asLong();
            // a query waiting for a position not yet written holds the only read slot
            CompletableFuture<HttpResponse<String>> waiting = server.client()
                    .sendAsync(
                            HttpRequest.newBuilder(server.uri("/queries/balance/r-1"))
                                    .header("Min-Position", Long.toString(position + 1))
                                    .header("Wait-Timeout", "60s")
                                    .timeout(Duration.ofSeconds(90))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            awaitInFlight(server, "reads", 1);
            TestServer.Answer refused = server.get("/streams/account-r-1");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).contains("1");
            assertThat(server.get("/queries/balance/r-1").status()).isEqualTo(503);

            // writes have their own cap: this one also lets the waiting query answer
            server.command("deposit", "{\"accountId\":\"r-1\",\"amount\":5}");
            assertThat(waiting.get().statusCode()).isEqualTo(200);
            awaitInFlight(server, "reads", 0);
            assertThat(server.get("/streams/account-r-1").status()).isEqualTo(200);
        }
    }

    /** An append whose handler holds a write slot: it asked for the body (100 Continue), which never comes. */
    private static RawHttp stalledAppend(TestServer server, String stream) throws IOException {
        RawHttp raw = new RawHttp(server.port());
        raw.send("POST /streams/" + stream + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + EVENT.length() + "\r\nExpect: 100-continue\r\n\r\n");
        assertThat(raw.interim()).startsWith("HTTP/1.1 100");
        return raw;
    }

    /** Waits (10 s at most) until the in-flight gauge of {@code kind} reads {@code count}. */
    private static void awaitInFlight(TestServer server, String kind, int count) {
        Pattern gauge = Pattern.compile("annal_http_in_flight\\{class=\"" + kind + "\"[^}]*} (\\S+)");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Matcher m = gauge.matcher(server.get("/metrics").body());
            assertThat(m.find()).as("the in-flight gauge of %s", kind).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isEqualTo(count);
        });
    }
}
