package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.http.ApiLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SSE subscriptions: catch-up then live without gap or duplicate, resume with Last-Event-ID. */
class SubscriptionApiTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass(ApiLimits.defaults().withHeartbeat(Duration.ofMillis(200)));

    private static void append(String stream, int count) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"type\":\"Tick\",\"data\":")
                    .append(i)
                    .append('}');
        }
        assertThat(server.post("/streams/" + stream, body.append(']').toString())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_stream_subscription_catches_up_then_follows_live_without_gap_or_duplicate() throws Exception {
        String stream = "sub-" + UUID.randomUUID();
        append(stream, 5);

        try (SseClient sse = SseClient.open(server, "/subscribe/streams/" + stream)) {
            assertThat(sse.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.messages.size() == 5);
            append(stream, 3);
            append(stream, 2);

            await().atMost(Duration.ofSeconds(10)).until(() -> sse.messages.size() == 10);
            assertThat(sse.ids())
                    .containsExactlyElementsOf(
                            LongStream.range(0, 10).mapToObj(Long::toString).toList());
            SseClient.Message first = sse.messages.getFirst();
            assertThat(first.event()).isEqualTo("Tick");
            JsonNode event = TestServer.JSON.readTree(first.data());
            assertThat(event.get("stream").asText()).isEqualTo(stream);
            assertThat(event.get("version").asLong()).isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.comments.contains(": heartbeat"));
        }
    }

    @Test
    void last_event_id_resumes_after_that_event() {
        String stream = "resume-" + UUID.randomUUID();
        append(stream, 6);

        try (SseClient sse = SseClient.open(server, "/subscribe/streams/" + stream, "Last-Event-ID", "3")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.messages.size() == 2);
            assertThat(sse.ids()).containsExactly("4", "5");
        }
    }

    @Test
    void the_all_subscription_uses_positions_and_filters_by_prefix() {
        String prefix = "allsub-" + UUID.randomUUID() + "-";
        append(prefix + "a", 2);
        append("elsewhere-" + UUID.randomUUID(), 1);

        try (SseClient sse = SseClient.open(server, "/subscribe/all?prefix=" + prefix)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.messages.size() == 2);
            append(prefix + "b", 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> sse.messages.size() == 4);

            List<Long> ids = new ArrayList<>();
            for (SseClient.Message m : sse.messages) {
                ids.add(Long.parseLong(m.id()));
            }
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            String lastId = sse.messages.get(1).id();
            try (SseClient resumed =
                    SseClient.open(server, "/subscribe/all?prefix=" + prefix, "Last-Event-ID", lastId)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> resumed.messages.size() == 2);
                assertThat(resumed.ids()).containsExactlyElementsOf(sse.ids().subList(2, 4));
            }
        }
    }

    @Test
    void a_tombstoned_stream_cannot_be_subscribed() {
        String stream = "gone-" + UUID.randomUUID();
        append(stream, 1);
        server.delete("/streams/" + stream + "?hard=true");

        assertThat(server.get("/subscribe/streams/" + stream).status()).isEqualTo(410);
    }
}
