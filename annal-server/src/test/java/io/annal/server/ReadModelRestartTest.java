package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read models live in SQLite under the data directory and resume from their checkpoints. */
class ReadModelRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_restarted_server_resumes_its_read_models_from_their_checkpoints() throws Exception {
        long head;
        JsonNode before;
        JsonNode stock;
        try (TestServer server = TestServer.start(dataDir)) {
            server.command("open-account", "{\"accountId\":\"a-1\",\"owner\":\"Ada\"}");
            server.command("open-account", "{\"accountId\":\"b-1\",\"owner\":\"Bob\"}");
            server.command("deposit", "{\"accountId\":\"b-1\",\"amount\":70}");
            head = server.command("add-stock", "{\"productId\":\"p-1\",\"quantity\":3}")
                    .get("position")
                    .asLong();
            before = query(server, "/queries/balance/b-1", head);
            stock = query(server, "/queries/stock/p-1", head);
        }
        // A mark only the stored read model holds: a replay from position 0 would lose it.
        String table = "balance_g" + servedGeneration("balance");
        sql("UPDATE " + table + " SET owner = 'Ada (kept)' WHERE account_id = 'a-1'");

        try (TestServer server = TestServer.start(dataDir)) {
            JsonNode balance = projection(server, "balance");
            assertThat(balance.get("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(query(server, "/queries/balance/a-1", head).get("owner").asText())
                    .isEqualTo("Ada (kept)");
            assertThat(query(server, "/queries/balance/b-1", head)).isEqualTo(before);
            assertThat(query(server, "/queries/stock/p-1", head)).isEqualTo(stock);

            long deposit = server.command("deposit", "{\"accountId\":\"b-1\",\"amount\":5}")
                    .get("position")
                    .asLong();
            JsonNode after = query(server, "/queries/balance/b-1", deposit);
            assertThat(after.get("balance").asLong()).isEqualTo(75);
            assertThat(after.get("version").asLong()).isEqualTo(2);
        }
    }

    private static JsonNode query(TestServer server, String path, long minPosition) {
        TestServer.Answer answer = server.get(path, "Min-Position", Long.toString(minPosition));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode projection(TestServer server, String name) {
        for (JsonNode p : server.get("/admin/projections").json()) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no projection " + name);
    }

    private long servedGeneration(String projection) throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT generation FROM annal_projections WHERE projection = '" + projection + "'")) {
            assertThat(r.next()).as("a served generation of " + projection).isTrue();
            return r.getLong(1);
        }
    }

    private void sql(String update) throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(update)).isEqualTo(1);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("read-models.db"));
    }
}
