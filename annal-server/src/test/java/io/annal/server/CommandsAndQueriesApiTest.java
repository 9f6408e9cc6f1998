package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reference domains over HTTP: commands, their outcomes, and the read models they feed. */
class CommandsAndQueriesApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** Waits until the document at {@code path} has {@code status}: processes finish after the command. */
    private static JsonNode awaitStatus(String path, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            TestServer.Answer answer = server.get(path);
            return answer.status() == 200
                    && answer.json().get("status").asText().equals(status);
        });
        return server.get(path).json();
    }

    /** The position of the last event in the store. */
    private static long head() {
        return server.get("/all?direction=backward&limit=1")
                .json()
                .get("events")
                .get(0)
                .get("position")
                .asLong();
    }

    private static JsonNode query(String path, long minPosition) {
        TestServer.Answer answer = server.get(path, "Min-Position", Long.toString(minPosition));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Long.parseLong(answer.header("Position").orElseThrow())).isGreaterThanOrEqualTo(minPosition);
        return answer.json();
    }

    @Test
    void open_deposit_and_read_the_balance_with_read_your_writes() {
        String a = id();
        JsonNode opened = server.command("open-account", "{\"accountId\":\"" + a + "\",\"owner\":\"Ada\"}");
        assertThat(opened.get("stream").asText()).isEqualTo("account-" + a);
        assertThat(opened.get("version").asLong()).isZero();
        assertThat(opened.get("events").get(0).get("type").asText()).isEqualTo("AccountOpened");

        JsonNode deposit = server.command("deposit", "{\"accountId\":\"" + a + "\",\"amount\":50}");

        JsonNode balance =
                query("/queries/balance/" + a, deposit.get("position").asLong());
        assertThat(balance.get("accountId").asText()).isEqualTo(a);
        assertThat(balance.get("owner").asText()).isEqualTo("Ada");
        assertThat(balance.get("balance").asLong()).isEqualTo(50);
        assertThat(balance.get("status").asText()).isEqualTo("open");
        assertThat(balance.get("version").asLong()).isEqualTo(1);

        JsonNode statement =
                query("/queries/statement/" + a, deposit.get("position").asLong());
        assertThat(statement.get("entries").get(0).get("type").asText()).isEqualTo("Deposited");
        assertThat(statement.get("entries").get(0).get("balanceAfter").asLong()).isEqualTo(50);
        assertThat(server.get("/queries/balance/" + id()).status()).isEqualTo(404);
    }

    @Test
    void domain_rejections_are_422_with_a_code() {
        String a = id();
        server.command("open-account", "{\"accountId\":\"" + a + "\",\"owner\":\"Ada\"}");

        TestServer.Answer withdraw = server.post("/commands/withdraw", "{\"accountId\":\"" + a + "\",\"amount\":5}");
        assertThat(withdraw.status()).isEqualTo(422);
        assertThat(withdraw.contentType()).isEqualTo("application/problem+json");
        assertThat(withdraw.json().get("code").asText()).isEqualTo("insufficient-funds");
        TestServer.Answer again =
                server.post("/commands/open-account", "{\"accountId\":\"" + a + "\",\"owner\":\"B\"}");
        assertThat(again.json().get("code").asText()).isEqualTo("account-exists");
    }

    @Test
    void malformed_and_unknown_commands_are_400_and_404() {
        assertThat(server.post("/commands/deposit", "{\"accountId\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(server.post("/commands/deposit", "{\"accountId\":\"x\",\"amount\":\"ten\"}")
                        .status())
                .isEqualTo(400);
        assertThat(server.post("/commands/deposit", "[]").status()).isEqualTo(400);
        assertThat(server.post("/commands/levitate", "{}").status()).isEqualTo(404);
    }

    @Test
    void a_command_answers_with_its_events_exactly_as_a_read_returns_them() {
        String a = id();
        JsonNode opened = server.command("open-account", "{\"accountId\":\"" + a + "\",\"owner\":\"Ada\"}");
        JsonNode deposited = server.command("deposit", "{\"accountId\":\"" + a + "\",\"amount\":7}");

        assertThat(opened.get("events").get(0))
                .isEqualTo(server.get("/streams/account-" + a + "/0").json());
        assertThat(deposited.get("events").get(0))
                .isEqualTo(server.get("/streams/account-" + a + "/1").json());
        assertThat(deposited.get("events")).hasSize(1);
        assertThat(deposited.get("position"))
                .isEqualTo(deposited.get("events").get(0).get("position"));
    }

    @Test
    void the_same_idempotency_key_returns_the_first_outcome_and_appends_nothing() {
        String a = id();
        server.command("open-account", "{\"accountId\":\"" + a + "\",\"owner\":\"Ada\"}");
        String body = "{\"accountId\":\"" + a + "\",\"amount\":10}";

        TestServer.Answer first = server.post("/commands/deposit", body, "Idempotency-Key", "k-" + a);
        TestServer.Answer second = server.post("/commands/deposit", body, "Idempotency-Key", "k-" + a);
        TestServer.Answer byBody = server.post(
                "/commands/deposit", "{\"accountId\":\"" + a + "\",\"amount\":10,\"commandId\":\"k-" + a + "\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(byBody.json()).isEqualTo(first.json());
        assertThat(server.get("/streams/account-" + a).json().get("lastVersion").asLong())
                .isEqualTo(1);
    }

    @Test
    void a_transfer_moves_money_and_completes() {
        String from = id();
        String to = id();
        server.command("open-account", "{\"accountId\":\"" + from + "\",\"owner\":\"A\"}");
        server.command("open-account", "{\"accountId\":\"" + to + "\",\"owner\":\"B\"}");
        server.command("deposit", "{\"accountId\":\"" + from + "\",\"amount\":100}");
        String t = id();

        server.command(
                "transfer",
                "{\"transferId\":\"" + t + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amount\":30}");

        JsonNode transfer = awaitStatus("/queries/transfers/" + t, "completed");
        long head = head();
        assertThat(transfer.get("amount").asLong()).isEqualTo(30);
        assertThat(query("/queries/balance/" + from, head).get("balance").asLong())
                .isEqualTo(70);
        assertThat(query("/queries/balance/" + to, head).get("balance").asLong())
                .isEqualTo(30);
    }

    @Test
    void a_transfer_the_target_cannot_take_fails_and_refunds_the_debit() {
        String from = id();
        server.command("open-account", "{\"accountId\":\"" + from + "\",\"owner\":\"A\"}");
        server.command("deposit", "{\"accountId\":\"" + from + "\",\"amount\":100}");
        String t = id();

        server.command(
                "transfer", "{\"transferId\":\"" + t + "\",\"from\":\"" + from + "\",\"to\":\"nobody\",\"amount\":30}");

        JsonNode transfer = awaitStatus("/queries/transfers/" + t, "failed");
        long head = head();
        assertThat(transfer.get("reason").asText()).isNotEmpty();
        assertThat(query("/queries/balance/" + from, head).get("balance").asLong())
                .isEqualTo(100);
        TestServer.Answer same = server.post(
                "/commands/transfer",
                "{\"transferId\":\"" + id() + "\",\"from\":\"" + from + "\",\"to\":\"" + from + "\",\"amount\":1}");
        assertThat(same.json().get("code").asText()).isEqualTo("same-account");
    }

    @Test
    void an_order_is_fulfilled_when_stock_is_there_and_rejected_when_not() {
        String product = id();
        String ok = id();
        String short_ = id();
        String customer = "cust-" + id();
        server.command("add-stock", "{\"productId\":\"" + product + "\",\"quantity\":3}");
        server.command(
                "create-order",
                "{\"orderId\":\"" + ok + "\",\"customerId\":\"" + customer + "\",\"items\":[{\"productId\":\"" + product
                        + "\",\"quantity\":2,\"price\":150}]}");
        server.command("confirm-order", "{\"orderId\":\"" + ok + "\"}");
        awaitStatus("/queries/orders/" + ok, "ready-to-ship");
        server.command(
                "create-order", "{\"orderId\":\"" + short_ + "\",\"customerId\":\"" + customer + "\",\"items\":[]}");
        server.command(
                "add-item",
                "{\"orderId\":\"" + short_ + "\",\"productId\":\"" + product + "\",\"quantity\":5,\"price\":10}");
        server.command("confirm-order", "{\"orderId\":\"" + short_ + "\"}");
        awaitStatus("/queries/orders/" + short_, "rejected");
        JsonNode shipped = server.command(
                "ship-order", "{\"orderId\":\"" + ok + "\",\"carrier\":\"DHL\",\"trackingNumber\":\"123\"}");

        long head = Math.max(shipped.get("position").asLong(), head());
        JsonNode order = query("/queries/orders/" + ok, head);
        assertThat(order.get("status").asText()).isEqualTo("shipped");
        assertThat(order.get("itemCount").asLong()).isEqualTo(2);
        assertThat(order.get("total").asLong()).isEqualTo(300);
        assertThat(order.get("carrier").asText()).isEqualTo("DHL");
        assertThat(query("/queries/orders/" + short_, head).get("status").asText())
                .isEqualTo("rejected");
        JsonNode stock = query("/queries/stock/" + product, head);
        assertThat(stock.get("available").asLong()).isEqualTo(1);
        assertThat(stock.get("reserved").asLong()).isEqualTo(2);

        JsonNode byCustomer = query("/queries/orders?customerId=" + customer + "&status=shipped", head);
        assertThat(byCustomer.get("results"))
                .extracting(r -> r.get("orderId").asText())
                .containsExactly(ok);
        JsonNode byText = query("/queries/orders?q=" + product, head);
        assertThat(byText.get("results")).hasSize(2);
    }

    @Test
    void temporal_queries_fold_the_stream_up_to_the_point_asked() {
        String a = id();
        server.command("open-account", "{\"accountId\":\"" + a + "\",\"owner\":\"Ada\"}");
        JsonNode deposit = server.command("deposit", "{\"accountId\":\"" + a + "\",\"amount\":40}");
        String depositedAt = deposit.get("events").get(0).get("recordedAt").asText();
        server.command("deposit", "{\"accountId\":\"" + a + "\",\"amount\":2}");

        assertThat(server.get("/queries/balance/" + a + "?atVersion=0")
                        .json()
                        .get("balance")
                        .asLong())
                .isZero();
        assertThat(server.get("/queries/balance/" + a + "?atVersion=1")
                        .json()
                        .get("balance")
                        .asLong())
                .isEqualTo(40);
        assertThat(server.get("/queries/balance/" + a + "?asOf=" + depositedAt)
                        .json()
                        .get("balance")
                        .asLong())
                .isBetween(40L, 42L);
        assertThat(server.get("/queries/balance/" + a + "?asOf=2000-01-01T00:00:00Z")
                        .status())
                .isEqualTo(404);
        assertThat(server.get("/queries/balance/" + a + "?asOf=yesterday").status())
                .isEqualTo(400);
    }

    @Test
    void a_position_the_read_model_does_not_reach_in_time_is_504_with_the_position_reached() {
        TestServer.Answer answer = server.get(
                "/queries/balance/x", "Min-Position", Long.toString(Long.MAX_VALUE / 2), "Wait-Timeout", "0");

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.json().has("position")).isTrue();
    }
}
