package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.http.ApiLimits;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's core against the PostgreSQL store: the server started with {@code --store
 * postgres} on an embedded PostgreSQL, or the one named by {@code ANNAL_TEST_PG_URL}.
 */
class PostgresApiIT {

    @TempDir
    static Path dataDir;

    static EmbeddedPostgres postgres;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        String url = System.getenv("ANNAL_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            postgres =
                    EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
            url = postgres.getJdbcUrl("postgres", "postgres");
        }
        server = TestServer.start(
                dataDir, ApiLimits.defaults(), "--store", "postgres", "--postgres-url", url, "--security", "off");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void appends_read_back_and_idempotency_conflicts_and_tombstones_behave_as_on_the_embedded_store() {
        String s = "pg-" + UUID.randomUUID();
        String body = "[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"A\",\"data\":{\"n\":1}}]";

        TestServer.Answer first = server.post("/streams/" + s, body, "Expected-Version", "no-stream");
        assertThat(first.status()).isEqualTo(201);
        assertThat(server.post("/streams/" + s, body).status()).isEqualTo(200);
        TestServer.Answer stale = server.post("/streams/" + s, "{\"type\":\"B\"}", "Expected-Version", "7");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("currentVersion").asLong()).isZero();

        JsonNode read = server.get("/streams/" + s).json();
        assertThat(read.get("events").get(0).get("data").get("n").asInt()).isEqualTo(1);
        assertThat(read.get("events").get(0).get("position").asLong())
                .isEqualTo(first.json().get("firstPosition").asLong());

        assertThat(server.delete("/streams/" + s + "?hard=true").status()).isEqualTo(204);
        assertThat(server.get("/streams/" + s).status()).isEqualTo(410);
    }

    @Test
    void commands_and_a_transfer_reach_the_read_models() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        server.command("open-account", "{\"accountId\":\"" + a + "\",\"owner\":\"A\"}");
        server.command("open-account", "{\"accountId\":\"" + b + "\",\"owner\":\"B\"}");
        JsonNode deposit = server.command("deposit", "{\"accountId\":\"" + a + "\",\"amount\":80}");
        TestServer.Answer balance = server.get(
                "/queries/balance/" + a, "Min-Position", deposit.get("position").asText());
        assertThat(balance.json().get("balance").asLong()).isEqualTo(80);

        String t = UUID.randomUUID().toString();
        server.command(
                "transfer", "{\"transferId\":\"" + t + "\",\"from\":\"" + a + "\",\"to\":\"" + b + "\",\"amount\":30}");

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            TestServer.Answer transfer = server.get("/queries/transfers/" + t);
            return transfer.status() == 200
                    && transfer.json().get("status").asText().equals("completed");
        });
        assertThat(server.get("/queries/balance/" + b).json().get("balance").asLong())
                .isEqualTo(30);
    }
}
