package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.annal.http.ApiLimits;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --otel-sampler-ratio} against a real OTLP/HTTP endpoint (a small collector here that
 * counts the span batches it receives): at 0 nothing is exported, yet the trace context still
 * reaches the events.
 */
class TracingSamplerApiTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @TempDir
    Path dir;

    /** Span batches the server exported in one run: two commands, one continuing an unsampled trace. */
    private int exportedBatches(String ratio, Path data) throws Exception {
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger batches = new AtomicInteger();
        collector.createContext("/v1/traces", exchange -> {
            if (exchange.getRequestBody().readAllBytes().length > 0) {
                batches.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try {
            String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
            try (AnnalServer server = AnnalServer.start(
                            ServerOptions.parse(
                                    new String[] {
                                        "--port",
                                        "0",
                                        "--data-dir",
                                        data.toString(),
                                        "--otel-endpoint",
                                        endpoint,
                                        "--otel-sampler-ratio",
                                        ratio
                                    },
                                    Map.of()),
                            ApiLimits.defaults());
                    HttpClient client = HttpClient.newHttpClient()) {
                URI base = URI.create("http://127.0.0.1:" + server.port());
                assertThat(send(client, base, "open-account", "{\"accountId\":\"s-1\",\"owner\":\"S\"}", "")
                                .statusCode())
                        .isEqualTo(200);
                String unsampled = "00-" + TRACE + "-b7ad6b7169203331-00";
                assertThat(send(client, base, "deposit", "{\"accountId\":\"s-1\",\"amount\":5}", unsampled)
                                .statusCode())
                        .isEqualTo(200);
                JsonNode events = TestServer.JSON
                        .readTree(client.send(
                                        HttpRequest.newBuilder(base.resolve("/streams/account-s-1"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body())
                        .get("events");
                // the caller's trace goes on through the command into the event, sampled or not
                assertThat(events.get(1).at("/metadata/traceparent").asText())
                        .startsWith("00-" + TRACE + "-")
                        .endsWith("-00");
            } // closing flushes every span still buffered
            return batches.get();
        } finally {
            collector.stop(0);
        }
    }

    private static HttpResponse<String> send(
            HttpClient client, URI base, String command, String body, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/commands/" + command))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (!traceparent.isEmpty()) {
            request.header("traceparent", traceparent);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ratio_zero_exports_no_spans_and_keeps_propagating_the_trace_context() throws Exception {
        assertThat(exportedBatches("0", dir.resolve("zero"))).isZero();
        // the same run at the default ratio exports the new trace's spans: the collector does hear them
        assertThat(exportedBatches("1.0", dir.resolve("one"))).isPositive();
    }
}
