package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.http.ApiLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Security on: API keys and HS256 tokens, roles, 401 and 403, and no start with a weak secret. */
class SecurityApiTest {

    private static final String SECRET = "a-test-secret-of-enough-length-0123456789";
    private static final String READER_KEY = "reader-key-0123456789";
    private static final String ADMIN_KEY = "admin-key-0123456789";

    @RegisterExtension
    static final TestServer server = TestServer.perClass(
            "--security",
            "on",
            "--security-secret",
            SECRET,
            "--api-keys",
            READER_KEY + ":reader," + ADMIN_KEY + ":admin");

    private static String token(String claims, String secret) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal((head + "." + body).getBytes(StandardCharsets.US_ASCII)));
        return head + "." + body + "." + signature;
    }

    @Test
    void without_credentials_everything_but_health_is_401() {
        assertThat(server.get("/health/ready").status()).isEqualTo(200);
        TestServer.Answer answer = server.get("/all");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(server.get("/all", "Authorization", "Bearer wrong-key-0123456789")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_reader_reads_but_may_not_write_or_administer() {
        String auth = "Bearer " + READER_KEY;
        assertThat(server.get("/all", "Authorization", auth).status()).isEqualTo(200);
        assertThat(server.post("/streams/sec-1", "{\"type\":\"A\"}", "Authorization", auth)
                        .status())
                .isEqualTo(403);
        assertThat(server.get("/admin/projections", "Authorization", auth).status())
                .isEqualTo(403);
        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("any:" + ADMIN_KEY).getBytes(StandardCharsets.UTF_8));
        assertThat(server.get("/admin/projections", "Authorization", basic).status())
                .isEqualTo(200);
    }

    @Test
    void a_signed_token_with_the_writer_role_may_write_until_it_expires() throws Exception {
        long later = Instant.now().getEpochSecond() + 3600;
        String writer = token("{\"sub\":\"w\",\"roles\":[\"writer\"],\"exp\":" + later + "}", SECRET);
        assertThat(server.post("/streams/sec-2", "{\"type\":\"A\"}", "Authorization", "Bearer " + writer)
                        .status())
                .isEqualTo(201);

        String expired = token("{\"sub\":\"w\",\"roles\":[\"writer\"],\"exp\":1000}", SECRET);
        assertThat(server.get("/all", "Authorization", "Bearer " + expired).status())
                .isEqualTo(401);
        String forged = token("{\"sub\":\"w\",\"roles\":[\"admin\"]}", SECRET + "x");
        assertThat(server.get("/all", "Authorization", "Bearer " + forged).status())
                .isEqualTo(401);
        String unsigned = writer.substring(0, writer.lastIndexOf('.') + 1);
        assertThat(server.get("/all", "Authorization", "Bearer " + unsigned).status())
                .isEqualTo(401);
    }

    @Test
    void the_server_refuses_to_start_with_security_on_and_no_or_a_default_secret(@TempDir Path other) {
        assertThatThrownBy(() -> TestServer.start(other, ApiLimits.defaults(), "--security", "on"))
                .hasMessageContaining("no credentials");
        assertThatThrownBy(() -> TestServer.start(
                        other, ApiLimits.defaults(), "--security", "on", "--security-secret", "changeme"))
                .hasMessageContaining("too weak");
    }

    @Test
    void a_client_over_its_rate_limit_gets_429(@TempDir Path other) {
        try (TestServer limited = TestServer.start(other, ApiLimits.defaults(), "--rate-limit", "1")) {
            int tooMany = 0;
            for (int i = 0; i < 30; i++) {
                if (limited.get("/all").status() == 429) {
                    tooMany++;
                }
            }
            assertThat(tooMany).isPositive();
        }
    }
}
