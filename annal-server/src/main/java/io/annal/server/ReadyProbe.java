package io.annal.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the server's own {@code /health/ready} until it answers 200, before announcing it. */
final class ReadyProbe {

    private ReadyProbe() {}

    static void await(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not answering yet
                }
                Thread.sleep(50); // the listener is up; readiness waits on recovery, seconds at most
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the server did not become ready on port " + port);
    }
}
