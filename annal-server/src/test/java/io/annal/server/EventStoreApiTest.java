package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event store part of the contract: append, read, read all, delete, metadata, errors. */
class EventStoreApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static String stream() {
        return "s-" + UUID.randomUUID();
    }

    @Test
    void append_answers_201_with_versions_and_positions_and_reads_back_as_recorded_events() {
        String s = stream();
        TestServer.Answer appended = server.post(
                "/streams/" + s,
                "[{\"type\":\"Deposited\",\"data\":{\"amount\":50},\"metadata\":{\"k\":\"v\"}},"
                        + "{\"type\":\"Deposited\",\"data\":[1,2.5,\"x\",null]}]",
                "Correlation-Id",
                "c-1");

        assertThat(appended.status()).isEqualTo(201);
        assertThat(appended.contentType()).startsWith("application/json");
        assertThat(appended.header("Correlation-Id")).contains("c-1");
        JsonNode result = appended.json();
        assertThat(result.get("stream").asText()).isEqualTo(s);
        assertThat(result.get("firstVersion").asLong()).isZero();
        assertThat(result.get("lastVersion").asLong()).isEqualTo(1);
        assertThat(result.get("lastPosition").asLong())
                .isGreaterThan(result.get("firstPosition").asLong());

        JsonNode read = server.get("/streams/" + s).json();
        assertThat(read.get("lastVersion").asLong()).isEqualTo(1);
        assertThat(read.get("next").isNull()).isTrue();
        JsonNode first = read.get("events").get(0);
        assertThat(first.get("version").asLong()).isZero();
        assertThat(first.get("position").asLong())
                .isEqualTo(result.get("firstPosition").asLong());
        assertThat(first.get("type").asText()).isEqualTo("Deposited");
        assertThat(first.get("data").get("amount").asInt()).isEqualTo(50);
        assertThat(first.get("metadata").get("k").asText()).isEqualTo("v");
        assertThat(first.get("metadata").get("correlationId").asText()).isEqualTo("c-1");
        assertThat(first.get("recordedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(UUID.fromString(first.get("id").asText())).isNotNull();
        assertThat(read.get("events").get(1).get("data").toString()).isEqualTo("[1,2.5,\"x\",null]");

        JsonNode one = server.get("/streams/" + s + "/1").json();
        assertThat(one.get("version").asLong()).isEqualTo(1);
        assertThat(server.get("/streams/" + s + "/2").status()).isEqualTo(404);
    }

    @Test
    void a_single_event_object_is_accepted() {
        String s = stream();
        assertThat(server.post("/streams/" + s, "{\"type\":\"One\",\"data\":{}}")
                        .status())
                .isEqualTo(201);
        assertThat(server.get("/streams/" + s).json().get("events")).hasSize(1);
    }

    @Test
    void resending_the_same_ids_answers_200_with_the_original_result_and_appends_nothing() {
        String s = stream();
        String body = "[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"A\",\"data\":1},{\"id\":\"" + UUID.randomUUID()
                + "\",\"type\":\"B\",\"data\":2}]";
        TestServer.Answer first = server.post("/streams/" + s, body, "Expected-Version", "no-stream");
        TestServer.Answer again = server.post("/streams/" + s, body, "Expected-Version", "no-stream");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(server.get("/streams/" + s).json().get("lastVersion").asLong())
                .isEqualTo(1);
    }

    @Test
    void ids_that_match_only_part_of_an_earlier_batch_conflict() {
        String s = stream();
        String a = UUID.randomUUID().toString();
        server.post("/streams/" + s, "[{\"id\":\"" + a + "\",\"type\":\"A\",\"data\":1}]");

        TestServer.Answer partial = server.post(
                "/streams/" + s,
                "[{\"id\":\"" + a + "\",\"type\":\"A\",\"data\":1},{\"id\":\"" + UUID.randomUUID()
                        + "\",\"type\":\"B\",\"data\":2}]");

        assertThat(partial.status()).isEqualTo(409);
        assertThat(partial.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void wrong_expected_version_is_409_with_the_current_version_or_null() {
        String s = stream();
        TestServer.Answer missing =
                server.post("/streams/" + s, "{\"type\":\"A\",\"data\":1}", "Expected-Version", "3");
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.json().get("currentVersion").isNull()).isTrue();

        server.post("/streams/" + s, "{\"type\":\"A\",\"data\":1}", "Expected-Version", "no-stream");
        TestServer.Answer stale = server.post("/streams/" + s, "{\"type\":\"A\",\"data\":1}", "Expected-Version", "5");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("currentVersion").asLong()).isZero();
        assertThat(server.post("/streams/" + s, "{\"type\":\"A\",\"data\":1}", "Expected-Version", "no-stream")
                        .status())
                .isEqualTo(409);
        assertThat(server.post("/streams/" + s, "{\"type\":\"A\",\"data\":1}", "Expected-Version", "exists")
                        .status())
                .isEqualTo(201);
        assertThat(server.post("/streams/" + s, "{\"type\":\"A\",\"data\":1}", "Expected-Version", "1")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void reads_page_forward_and_backward() {
        String s = stream();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"E\",\"data\":")
                    .append(i)
                    .append('}');
        }
        server.post("/streams/" + s, body.append(']').toString());

        JsonNode page = server.get("/streams/" + s + "?from=1&limit=2").json();
        assertThat(page.get("events"))
                .extracting(e -> e.get("version").asLong())
                .containsExactly(1L, 2L);
        assertThat(page.get("next").asLong()).isEqualTo(3);

        JsonNode back =
                server.get("/streams/" + s + "?direction=backward&limit=2").json();
        assertThat(back.get("events"))
                .extracting(e -> e.get("version").asLong())
                .containsExactly(4L, 3L);
        assertThat(back.get("next").asLong()).isEqualTo(2);
        assertThat(back.get("lastVersion").asLong()).isEqualTo(4);
    }

    @Test
    void unknown_stream_is_404_and_bad_parameters_are_400() {
        assertThat(server.get("/streams/" + stream()).status()).isEqualTo(404);
        assertThat(server.get("/streams/x?limit=0").status()).isEqualTo(400);
        assertThat(server.get("/streams/x?from=-1").status()).isEqualTo(400);
        assertThat(server.get("/streams/x?direction=sideways").status()).isEqualTo(400);
    }

    @Test
    void soft_delete_reads_404_and_a_later_append_continues_the_versions() {
        String s = stream();
        server.post("/streams/" + s, "[{\"type\":\"A\",\"data\":1},{\"type\":\"A\",\"data\":2}]");

        assertThat(server.delete("/streams/" + s).status()).isEqualTo(204);
        assertThat(server.get("/streams/" + s).status()).isEqualTo(404);

        JsonNode again =
                server.post("/streams/" + s, "{\"type\":\"A\",\"data\":3}").json();
        assertThat(again.get("firstVersion").asLong()).isEqualTo(2);
    }

    @Test
    void hard_delete_tombstones_the_name_for_good() {
        String s = stream();
        server.post("/streams/" + s, "{\"type\":\"A\",\"data\":1}");

        assertThat(server.delete("/streams/" + s + "?hard=true").status()).isEqualTo(204);

        assertThat(server.get("/streams/" + s).status()).isEqualTo(410);
        TestServer.Answer append = server.post("/streams/" + s, "{\"type\":\"A\",\"data\":1}");
        assertThat(append.status()).isEqualTo(410);
        assertThat(append.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void stream_metadata_bounds_what_reads_return() {
        String s = stream();
        server.post(
                "/streams/" + s,
                "[{\"type\":\"A\",\"data\":1},{\"type\":\"A\",\"data\":2},{\"type\":\"A\",\"data\":3}]");

        TestServer.Answer put =
                server.put("/streams/" + s + "/metadata", "{\"maxCount\":2,\"custom\":{\"owner\":\"ops\"}}");
        assertThat(put.status()).isEqualTo(200);

        JsonNode metadata = server.get("/streams/" + s + "/metadata").json();
        assertThat(metadata.get("maxCount").asLong()).isEqualTo(2);
        assertThat(metadata.get("custom").get("owner").asText()).isEqualTo("ops");
        assertThat(server.get("/streams/" + s).json().get("events"))
                .extracting(e -> e.get("version").asLong())
                .containsExactly(1L, 2L);
        assertThat(server.put("/streams/" + s + "/metadata", "{\"maxCount\":0}").status())
                .isEqualTo(400);
    }

    @Test
    void read_all_filters_by_type_and_prefix_in_increasing_positions() {
        String prefix = "all-" + UUID.randomUUID() + "-";
        server.post("/streams/" + prefix + "a", "[{\"type\":\"Keep\",\"data\":1},{\"type\":\"Drop\",\"data\":2}]");
        server.post("/streams/" + prefix + "b", "{\"type\":\"Keep\",\"data\":3}");
        server.post("/streams/other-" + UUID.randomUUID(), "{\"type\":\"Keep\",\"data\":4}");

        JsonNode all =
                server.get("/all?prefix=" + prefix + "&type=Keep&limit=4096").json();

        assertThat(all.get("events")).extracting(e -> e.get("data").asInt()).containsExactly(1, 3);
        assertThat(all.get("next").isNull()).isTrue();
        JsonNode paged = server.get("/all?limit=1").json();
        assertThat(paged.get("events")).hasSize(1);
        assertThat(paged.get("next").asLong())
                .isGreaterThan(paged.get("events").get(0).get("position").asLong());
    }

    @Test
    void bad_input_is_a_problem_with_a_detail_and_never_a_5xx() {
        String s = stream();
        TestServer.Answer notJson = server.post("/streams/" + s, "{nope");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = notJson.json();
        assertThat(problem.get("type").asText()).isNotEmpty();
        assertThat(problem.get("title").asText()).isNotEmpty();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isNotEmpty();

        assertThat(server.post("/streams/" + s, "[]").status()).isEqualTo(400);
        assertThat(server.post("/streams/" + s, "{\"data\":1}").status()).isEqualTo(400);
        assertThat(server.post("/streams/" + s, "{\"type\":\"\",\"data\":1}").status())
                .isEqualTo(400);
        assertThat(server.post("/streams/" + s, "{\"type\":\"" + "t".repeat(257) + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(server.post("/streams/" + s, "{\"type\":\"A\",\"metadata\":[]}")
                        .status())
                .isEqualTo(400);
        assertThat(server.post("/streams/" + s, "{\"type\":\"A\",\"id\":\"not-a-uuid\"}")
                        .status())
                .isEqualTo(400);
        assertThat(server.post("/streams/" + s, "{\"type\":\"A\"}", "Expected-Version", "-1")
                        .status())
                .isEqualTo(400);
        assertThat(server.post("/streams/%24system", "{\"type\":\"A\"}").status())
                .isEqualTo(400);
        assertThat(server.post("/streams/a%01b", "{\"type\":\"A\"}").status()).isEqualTo(400);
        assertThat(server.post("/streams/" + "n".repeat(257), "{\"type\":\"A\"}")
                        .status())
                .isEqualTo(400);
        assertThat(server.get("/streams/" + s).status()).isEqualTo(404);
    }

    @Test
    void oversized_input_is_413() {
        String s = stream();
        String big = "\"" + "x".repeat((1 << 20) + 10) + "\"";
        assertThat(server.post("/streams/" + s, "{\"type\":\"Big\",\"data\":" + big + "}")
                        .status())
                .isEqualTo(413);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\":\"E\"}");
        }
        assertThat(server.post("/streams/" + s, many.append(']').toString()).status())
                .isEqualTo(413);
        byte[] body = new byte[(4 << 20) + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        assertThat(server.post("/streams/" + s, body).status()).isEqualTo(413);
        assertThat(server.get("/streams/" + s).status()).isEqualTo(404);
    }
}
