package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.annal.http.ApiLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on a free port over a fresh embedded store, and a client that speaks JSON to it.
 * One server for a whole test class: {@code @RegisterExtension static final TestServer server =
 * TestServer.perClass();} starts it in a temporary directory before the class and removes both after.
 */
final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final ObjectMapper JSON = new ObjectMapper();

    private AnnalServer server;
    private Path ownDataDir;
    private ApiLimits limits = ApiLimits.defaults();
    private String[] options = {};
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(AnnalServer server) {
        this.server = server;
    }

    static TestServer start(Path dataDir) {
        return start(dataDir, ApiLimits.defaults());
    }

    static TestServer start(Path dataDir, ApiLimits limits, String... options) {
        return new TestServer(launch(dataDir, limits, options));
    }

    static TestServer perClass(String... options) {
        return perClass(ApiLimits.defaults(), options);
    }

    static TestServer perClass(ApiLimits limits, String... options) {
        TestServer perClass = new TestServer(null);
        perClass.limits = limits;
        perClass.options = options;
        return perClass;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ownDataDir = Files.createTempDirectory("annal-server-test-");
        server = launch(ownDataDir, limits, options);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> files = Files.walk(ownDataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static AnnalServer launch(Path dataDir, ApiLimits limits, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "--port";
        args[1] = "0";
        args[2] = "--data-dir";
        args[3] = dataDir.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return AnnalServer.start(ServerOptions.parse(args, Map.of()), limits);
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpClient client() {
        return client;
    }

    /** An answer: status, headers and the body, parsed as JSON when it is JSON. */
    record Answer(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        String body() {
            return raw.body();
        }
    }

    Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Answer post(String path, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .header("Content-Type", "application/json"),
                headers);
    }

    Answer post(String path, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    Answer put(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    Answer delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    Answer send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends a command and expects it to be accepted. */
    JsonNode command(String type, String body) {
        Answer answer = post("/commands/" + type, body);
        if (answer.status() != 200) {
            throw new AssertionError(type + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
