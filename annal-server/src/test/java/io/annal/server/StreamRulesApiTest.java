package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.http.ApiLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-stream-prefix rules on top of roles: who may read or write which streams. */
class StreamRulesApiTest {

    private static final String WRITER = "Bearer writer-key-0123456789";
    private static final String READER = "Bearer reader-key-0123456789";
    private static final String ADMIN = "Bearer admin-key-0123456789";

    @TempDir
    static Path dataDir;

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                dataDir,
                ApiLimits.defaults(),
                "--security",
                "on",
                "--api-keys",
                "writer-key-0123456789:writer,reader-key-0123456789:reader,admin-key-0123456789:admin",
                "--stream-rules",
                "writer=account-:write, reader=account-:read");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void a_writer_writes_only_the_streams_its_rules_give_it() {
        assertThat(server.post("/streams/account-1", "{\"type\":\"A\"}", "Authorization", WRITER)
                        .status())
                .isEqualTo(201);
        TestServer.Answer refused = server.post("/streams/order-1", "{\"type\":\"A\"}", "Authorization", WRITER);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("order-1");
        assertThat(server.get("/streams/order-1", "Authorization", ADMIN).status())
                .isEqualTo(404);
        assertThat(server.delete("/streams/order-1", "Authorization", WRITER).status())
                .isEqualTo(403);
        assertThat(server.put("/streams/order-1/metadata", "{\"maxCount\":1}", "Authorization", WRITER)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void a_reader_reads_its_prefixes_and_names_them_to_read_everything() {
        server.post("/streams/account-2", "{\"type\":\"A\"}", "Authorization", ADMIN);
        server.post("/streams/secret-2", "{\"type\":\"A\"}", "Authorization", ADMIN);
        assertThat(server.get("/streams/account-2", "Authorization", READER).status())
                .isEqualTo(200);
        assertThat(server.get("/streams/secret-2", "Authorization", READER).status())
                .isEqualTo(403);
        assertThat(server.get("/streams/secret-2/0", "Authorization", READER).status())
                .isEqualTo(403);
        assertThat(server.get("/subscribe/streams/secret-2", "Authorization", READER)
                        .status())
                .isEqualTo(403);
        assertThat(server.get("/all", "Authorization", READER).status()).isEqualTo(403);
        assertThat(server.get("/all?prefix=secret-", "Authorization", READER).status())
                .isEqualTo(403);
        TestServer.Answer mine = server.get("/all?prefix=account-", "Authorization", READER);
        assertThat(mine.status()).isEqualTo(200);
        mine.json()
                .get("events")
                .forEach(e -> assertThat(e.get("stream").asText()).startsWith("account-"));
        assertThat(server.get("/all", "Authorization", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void rules_need_security_and_a_readable_form(@TempDir Path other) {
        assertThatThrownBy(() -> TestServer.start(other, ApiLimits.defaults(), "--stream-rules", "writer=a-:write"))
                .hasMessageContaining("--security on");
        assertThatThrownBy(() -> TestServer.start(
                        other,
                        ApiLimits.defaults(),
                        "--security",
                        "on",
                        "--api-keys",
                        "writer-key-0123456789:writer",
                        "--stream-rules",
                        "writer=a-:delete"))
                .hasMessageContaining("read or write");
    }
}
