package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, metrics and the admin endpoints. */
class OperationsApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void health_answers_200_when_live_and_ready() {
        assertThat(server.get("/health/live").status()).isEqualTo(200);
        assertThat(server.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void metrics_are_prometheus_text_with_appends_commands_http_and_jvm() {
        server.post("/streams/m-" + UUID.randomUUID(), "{\"type\":\"A\",\"data\":1}");
        server.post("/commands/deposit", "{\"accountId\":\"none\",\"amount\":1}");

        TestServer.Answer metrics = server.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("annal_appends_seconds_bucket")
                .contains("annal_commands_total{outcome=\"rejected\",type=\"deposit\"}")
                .contains("annal_http_requests_seconds_count{method=\"POST\",route=\"/streams/{stream}\"")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void appends_made_by_commands_are_measured_as_appends() {
        double before = appendedEvents();

        for (int i = 0; i < 50; i++) {
            server.post("/commands/open-account", "{\"accountId\":\"" + UUID.randomUUID() + "\",\"owner\":\"M\"}");
        }

        assertThat(appendedEvents()).isGreaterThanOrEqualTo(before + 50);
    }

    private static double appendedEvents() {
        return server.get("/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith("annal_appends_events_total "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no annal_appends_events_total in /metrics"));
    }

    @Test
    void admin_lists_streams_by_prefix_with_last_version_and_write_time() {
        String prefix = "adm-" + UUID.randomUUID() + "-";
        server.post("/streams/" + prefix + "a", "[{\"type\":\"A\",\"data\":1},{\"type\":\"A\",\"data\":2}]");
        server.post("/streams/" + prefix + "b", "{\"type\":\"A\",\"data\":1}");

        JsonNode streams = server.get("/admin/streams?prefix=" + prefix + "&limit=10")
                .json()
                .get("streams");

        assertThat(streams).extracting(s -> s.get("stream").asText()).containsExactly(prefix + "a", prefix + "b");
        assertThat(streams.get(0).get("lastVersion").asLong()).isEqualTo(1);
        assertThat(streams.get(0).get("lastWrite").asText()).endsWith("Z");
    }

    @Test
    void admin_finds_every_event_of_a_correlation_in_order() {
        String correlation = "corr-" + UUID.randomUUID();
        String account = UUID.randomUUID().toString();
        server.post(
                "/commands/open-account",
                "{\"accountId\":\"" + account + "\",\"owner\":\"A\"}",
                "Correlation-Id",
                correlation);
        server.post("/streams/c-" + UUID.randomUUID(), "{\"type\":\"A\",\"data\":1}", "Correlation-Id", correlation);

        JsonNode answer = server.get("/admin/correlations/" + correlation).json();
        JsonNode events = answer.get("events");

        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("AccountOpened", "A");
        assertThat(answer.get("next").isNull()).as("the whole log was read").isTrue();
        long second = events.get(1).get("position").asLong();
        assertThat(server.get("/admin/correlations/" + correlation + "?from=" + second)
                        .json()
                        .get("events"))
                .extracting(e -> e.get("type").asText())
                .containsExactly("A");
    }

    @Test
    void a_correlation_holds_a_transfer_and_the_commands_its_process_sent() {
        String correlation = "corr-" + UUID.randomUUID();
        String from = UUID.randomUUID().toString();
        String to = UUID.randomUUID().toString();
        server.post("/commands/open-account", "{\"accountId\":\"" + from + "\",\"owner\":\"A\"}");
        server.post("/commands/open-account", "{\"accountId\":\"" + to + "\",\"owner\":\"B\"}");
        server.post("/commands/deposit", "{\"accountId\":\"" + from + "\",\"amount\":100}");

        server.post(
                "/commands/transfer",
                "{\"transferId\":\"" + UUID.randomUUID() + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                        + "\",\"amount\":30}",
                "Correlation-Id",
                correlation);

        // the debit, the credit and the completion are sent by the transfer process, in reaction
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(server.get("/admin/correlations/" + correlation)
                                .json()
                                .get("events"))
                        .extracting(e -> e.get("type").asText())
                        .containsExactly(
                                "TransferStarted", "Withdrew", "TransferDebited", "Deposited", "TransferCompleted"));
    }

    @Test
    void projections_report_their_state_and_can_be_paused_resumed_and_rebuilt() {
        JsonNode projections = server.get("/admin/projections").json();
        assertThat(projections).extracting(p -> p.get("name").asText()).contains("balance", "orders", "stock");
        assertThat(projections.get(0).has("lagEvents")).isTrue();

        assertThat(server.post("/admin/projections/balance/pause", "").status()).isEqualTo(200);
        assertThat(server.get("/admin/projections").json().get(0).get("status").asText())
                .isEqualTo("paused");
        assertThat(server.post("/admin/projections/balance/resume", "").status())
                .isEqualTo(200);
        assertThat(server.post("/admin/projections/balance/rebuild", "").status())
                .isEqualTo(200);
        assertThat(server.post("/admin/projections/nope/rebuild", "").status()).isEqualTo(404);
        assertThat(server.get("/admin/dead-letters").json().isArray()).isTrue();
    }
}
