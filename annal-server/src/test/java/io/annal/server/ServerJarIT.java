package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: the ready line, a request, SIGTERM, exit 0, data kept. */
class ServerJarIT {

    private static final Pattern READY = Pattern.compile("Annal ready on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void the_jar_announces_itself_serves_and_stops_cleanly_on_sigterm() throws Exception {
        String stream = "jar-test";
        try (HttpClient client = HttpClient.newHttpClient()) {
            Process first = start();
            int port = awaitReady(first);
            assertThat(Files.readString(dataDir.resolve("server.port")).trim()).isEqualTo(Integer.toString(port));
            HttpResponse<String> appended = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/streams/" + stream))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Kept\",\"data\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(appended.statusCode()).isEqualTo(201);

            first.destroy(); // SIGTERM
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isZero();

            Process second = start();
            int again = awaitReady(second);
            HttpResponse<String> read = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + again + "/streams/" + stream))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"type\":\"Kept\"");
            second.destroy();
            assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isZero();
        }
    }

    private Process start() throws IOException {
        Path jar = Path.of("target", "annal-server.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java, "-Xmx256m", "-jar", jar.toString(), "--port", "0", "--data-dir", dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** Reads stdout until the ready line; the only line the server prints there. */
    private static int awaitReady(Process process) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the first line on stdout").isNotNull();
        Matcher ready = READY.matcher(line);
        assertThat(ready.matches()).as("'%s' is the ready line", line).isTrue();
        return Integer.parseInt(ready.group(1));
    }
}
