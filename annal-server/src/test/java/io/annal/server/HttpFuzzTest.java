package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Random bodies, headers and stream names: the server never answers 5xx, and input it rejects
 * leaves the store as it was. The seed is printed; set {@code -Dannal.fuzz.seed} to replay one.
 */
class HttpFuzzTest {

    private static final List<String> PATHS = List.of(
            "/streams/",
            "/commands/deposit",
            "/commands/create-order",
            "/commands/transfer",
            "/commands/",
            "/queries/balance/");
    private static final List<String> HEADERS = List.of(
            "Expected-Version", "Idempotency-Key", "Min-Position", "Wait-Timeout", "Last-Event-ID", "Correlation-Id");
    private static final List<String> FRAGMENTS = List.of(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"type\"",
            "\"data\"",
            "\"id\"",
            "\"metadata\"",
            "\"accountId\"",
            "\"amount\"",
            "\"items\"",
            "null",
            "true",
            "-1",
            "1e999",
            "9223372036854775808",
            "\"x\"",
            "\"\\u0000\"",
            "0",
            "\"$s\"",
            "{\"type\":\"T\",\"data\":1}",
            "\"orderId\"",
            "[[[[[[[[");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void random_requests_never_get_a_5xx_and_rejected_ones_change_nothing() {
        long seed = Long.getLong("annal.fuzz.seed", System.nanoTime());
        System.out.println("HttpFuzzTest seed: " + seed + " (replay with -Dannal.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int i = 0; i < 400; i++) {
            String before = userStreams();
            String path = PATHS.get(random.nextInt(PATHS.size())) + name(random);
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
            String method = random.nextInt(4) == 0 ? "GET" : "POST";
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body(random)));
            for (int h = random.nextInt(3); h > 0; h--) {
                request.header(HEADERS.get(random.nextInt(HEADERS.size())), headerValue(random));
            }
            if (path.startsWith("/queries/")) {
                request.setHeader("Wait-Timeout", "0"); // a 504 is the designed answer there: do not wait for it
            }
            TestServer.Answer answer = server.send(request);
            if (answer.status() == 504 && path.startsWith("/queries/")) {
                continue;
            }
            assertThat(answer.status())
                    .as("seed %d request %d: %s %s answered %s", seed, i, method, path, answer.body())
                    .isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType())
                        .as("seed %d request %d", seed, i)
                        .isEqualTo("application/problem+json");
                if (method.equals("POST")) {
                    assertThat(userStreams())
                            .as("seed %d request %d changed the store", seed, i)
                            .isEqualTo(before);
                }
            }
        }
    }

    private static String userStreams() {
        // user streams only: the process runtimes write their checkpoints to system streams meanwhile
        return server.get("/admin/streams?limit=10000").body();
    }

    private static String name(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "fuzz-" + random.nextInt(5);
            case 1 -> "%24reserved";
            case 2 -> "a%00b";
            case 3 -> "%F0%9F%98%80" + random.nextInt(3);
            case 4 -> "x".repeat(random.nextInt(300));
            default -> String.format("%%%02x", random.nextInt(256));
        };
    }

    private static byte[] body(Random random) {
        if (random.nextInt(10) == 0) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        }
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String headerValue(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Integer.toString(random.nextInt(10) - 2);
            case 1 -> "no-stream";
            case 2 -> "9".repeat(random.nextInt(30) + 1);
            case 3 -> "";
            default -> "x" + random.nextInt(100);
        };
    }
}
