package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.annal.http.ApiLimits;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** One deposit through the real server: HTTP, command, append and projection spans in one trace. */
class TracingApiTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void a_deposit_is_traced_from_the_request_through_the_append_to_the_read_model() throws Exception {
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                        .setTracerProvider(SdkTracerProvider.builder()
                                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                                .build())
                        .build();
                AnnalServer server = AnnalServer.start(
                        ServerOptions.parse(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, Map.of()),
                        ApiLimits.defaults(),
                        otel)) {
            post(
                    server,
                    "open-account",
                    "{\"accountId\":\"t-1\",\"owner\":\"ada\"}",
                    "00-" + "1".repeat(32) + "-" + "1".repeat(16) + "-01");
            HttpResponse<String> deposit = post(
                    server,
                    "deposit",
                    "{\"accountId\":\"t-1\",\"amount\":50}",
                    "00-" + TRACE + "-" + CALLER_SPAN + "-01");
            assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(trace())
                            .extracting(SpanData::getName)
                            .anyMatch(name -> name.startsWith("project ")));

            SpanData http = named("POST /commands/deposit");
            SpanData command = named("command Deposit");
            SpanData append = named("append");
            assertThat(http.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(http.getParentSpanId()).isEqualTo(CALLER_SPAN);
            assertThat(command.getParentSpanId()).isEqualTo(http.getSpanId());
            assertThat(append.getParentSpanId()).isEqualTo(command.getSpanId());
            assertThat(trace())
                    .filteredOn(s -> s.getName().startsWith("project "))
                    .allSatisfy(p -> assertThat(p.getParentSpanId()).isEqualTo(command.getSpanId()));

            JsonNode events =
                    JSON.readTree(get(server, "/streams/account-t-1").body()).get("events");
            JsonNode deposited = events.get(events.size() - 1);
            assertThat(deposited.get("type").asText()).isEqualTo("Deposited");
            assertThat(deposited.at("/metadata/traceparent").asText())
                    .startsWith("00-" + TRACE + "-" + command.getSpanId() + "-");
        }
    }

    @Test
    void the_request_log_line_carries_the_correlation_and_trace_ids_as_key_values() throws Exception {
        Logger requests = (Logger) LoggerFactory.getLogger("annal.requests");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        requests.addAppender(lines);
        Level before = requests.getLevel();
        requests.setLevel(Level.INFO);
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                        .setTracerProvider(SdkTracerProvider.builder()
                                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                                .build())
                        .build();
                AnnalServer server = AnnalServer.start(
                        ServerOptions.parse(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, Map.of()),
                        ApiLimits.defaults(),
                        otel)) {
            HttpResponse<String> opened = client.send(
                    HttpRequest.newBuilder(uri(server, "/commands/open-account"))
                            .header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01")
                            .header("Correlation-Id", "corr-42")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"accountId\":\"t-2\",\"owner\":\"bo\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        } finally {
            requests.detachAppender(lines);
            requests.setLevel(before);
        }
        assertThat(lines.list)
                .filteredOn(line -> line.getFormattedMessage().contains("route=/commands/open-account"))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.getFormattedMessage()).contains("method=POST", "status=200");
                    assertThat(line.getMDCPropertyMap())
                            .containsEntry("correlationId", "corr-42")
                            .containsEntry("traceId", TRACE);
                });
    }

    private List<SpanData> trace() {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(TRACE))
                .toList();
    }

    private SpanData named(String name) {
        List<SpanData> found =
                trace().stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(found).as("spans named '%s' in %s", name, trace()).hasSize(1);
        return found.getFirst();
    }

    private HttpResponse<String> post(AnnalServer server, String command, String body, String traceparent)
            throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri(server, "/commands/" + command))
                        .header("Content-Type", "application/json")
                        .header("traceparent", traceparent)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(AnnalServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(server, path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(AnnalServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
