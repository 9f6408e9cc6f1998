package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.http.ApiLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Per-stream-prefix rules on top of roles: who may read or write which streams. */
class StreamRulesApiTest {

    private static final String WRITER = "Bearer writer-key-0123456789";
    private static final String READER = "Bearer reader-key-0123456789";
    private static final String ADMIN = "Bearer admin-key-0123456789";

    @RegisterExtension
    static final TestServer server = TestServer.perClass(
            "--security",
            "on",
            "--api-keys",
            "writer-key-0123456789:writer,reader-key-0123456789:reader,admin-key-0123456789:admin",
            "--stream-rules",
            "writer=account-:write, reader=account-:read");

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
    void a_command_is_checked_against_the_streams_it_writes_before_it_runs() {
        TestServer.Answer opened = server.post(
                "/commands/open-account", "{\"accountId\":\"c1\",\"owner\":\"Ann\"}", "Authorization", WRITER);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.json().get("stream").asText()).isEqualTo("account-c1");

        TestServer.Answer order = server.post(
                "/commands/create-order",
                "{\"orderId\":\"o1\",\"customerId\":\"c1\",\"items\":[]}",
                "Authorization",
                WRITER,
                "Idempotency-Key",
                "refused-1");
        assertThat(order.status()).isEqualTo(403);
        assertThat(order.contentType()).isEqualTo("application/problem+json");
        assertThat(order.json().get("detail").asText()).contains("order-o1");
        assertThat(server.get("/streams/order-o1", "Authorization", ADMIN).status())
                .isEqualTo(404);

        // a transfer writes transfer-… (and debits account-…): the writer has no rule for the first
        TestServer.Answer transfer = server.post(
                "/commands/transfer",
                "{\"transferId\":\"t1\",\"from\":\"c1\",\"to\":\"c2\",\"amount\":1}",
                "Authorization",
                WRITER);
        assertThat(transfer.status()).isEqualTo(403);
        assertThat(server.get("/streams/transfer-t1", "Authorization", ADMIN).status())
                .isEqualTo(404);

        // bad input is still a 400, and an admin is not held by rules
        assertThat(server.post("/commands/create-order", "{}", "Authorization", WRITER)
                        .status())
                .isEqualTo(400);
        assertThat(server.post(
                                "/commands/create-order",
                                "{\"orderId\":\"o1\",\"customerId\":\"c1\",\"items\":[]}",
                                "Authorization",
                                ADMIN)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_query_is_checked_against_the_stream_behind_its_key() {
        long position = server.post(
                        "/commands/open-account", "{\"accountId\":\"q1\",\"owner\":\"Quinn\"}", "Authorization", ADMIN)
                .json()
                .get("position")
                .asLong();
        server.post(
                "/commands/create-order",
                "{\"orderId\":\"q1\",\"customerId\":\"q1\",\"items\":[]}",
                "Authorization",
                ADMIN);
        assertThat(server.get("/queries/balance/q1", "Authorization", READER, "Min-Position", Long.toString(position))
                        .status())
                .isEqualTo(200);
        TestServer.Answer order = server.get("/queries/orders/q1", "Authorization", READER);
        assertThat(order.status()).isEqualTo(403);
        assertThat(order.contentType()).isEqualTo("application/problem+json");
        assertThat(order.json().get("detail").asText()).contains("order-q1");
        TestServer.Answer search = server.get("/queries/orders?customerId=q1", "Authorization", READER);
        assertThat(search.status()).isEqualTo(403);
        assertThat(search.json().get("detail").asText()).contains("order-");
        assertThat(server.get("/queries/orders?customerId=q1", "Authorization", ADMIN)
                        .status())
                .isEqualTo(200);
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
