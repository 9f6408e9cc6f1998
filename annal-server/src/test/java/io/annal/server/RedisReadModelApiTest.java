package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.http.ApiLimits;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/** With {@code --redis-url}, balances are kept in and answered from a real Redis. */
class RedisReadModelApiTest {

    static RedisServer redis;
    static int port;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        redis = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redis.stop();
    }

    @Test
    void balances_are_answered_from_the_redis_read_model(@TempDir Path dataDir) {
        String url = "redis://127.0.0.1:" + port;
        try (TestServer server = TestServer.start(dataDir, ApiLimits.defaults(), "--redis-url", url)) {
            server.command("open-account", "{\"accountId\":\"r-1\",\"owner\":\"Ada\"}");
            long deposit = server.command("deposit", "{\"accountId\":\"r-1\",\"amount\":40}")
                    .get("position")
                    .asLong();

            JsonNode balance = server.get("/queries/balance/r-1", "Min-Position", Long.toString(deposit))
                    .json();
            assertThat(balance.get("balance").asLong()).isEqualTo(40);
            assertThat(balance.get("version").asLong()).isEqualTo(1);
            assertThat(server.get("/queries/balance/nobody").status()).isEqualTo(404);

            // What Redis holds is what the server answers: change it behind the server's back.
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                String key = jedis.keys("*balance_cache*r-1").iterator().next();
                assertThat(jedis.hgetAll(key)).containsEntry("balance", "40");
                jedis.hset(key, Map.of("owner", "Ada (in Redis)"));
            }
            assertThat(server.get("/queries/balance/r-1").json().get("owner").asText())
                    .isEqualTo("Ada (in Redis)");
            JsonNode projections = server.get("/admin/projections").json();
            assertThat(projections).extracting(p -> p.get("name").asText()).contains("balance_cache", "balance");
        }
    }

    @Test
    void a_redis_url_that_is_not_one_is_refused_with_what_to_fix(@TempDir Path dataDir) {
        assertThatThrownBy(() -> TestServer.start(dataDir, ApiLimits.defaults(), "--redis-url", "localhost:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://");
    }
}
