package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.http.ApiLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate made here by keytool; the client trusts only that one. */
class TlsApiTest {

    private static final String PASSWORD = "keystore-pass-0123";

    @TempDir
    Path dir;

    private Path keystore() throws Exception {
        Path file = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "annal",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        return file;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Test
    void with_a_keystore_the_server_speaks_https_only() throws Exception {
        Path keystore = keystore();
        ServerOptions options = ServerOptions.parse(
                new String[] {
                    "--port",
                    "0",
                    "--data-dir",
                    dir.resolve("data").toString(),
                    "--tls-keystore",
                    keystore.toString(),
                    "--tls-keystore-password",
                    PASSWORD
                },
                Map.of());
        try (AnnalServer server = AnnalServer.start(options, ApiLimits.defaults());
                HttpClient client =
                        HttpClient.newBuilder().sslContext(trusting(keystore)).build();
                HttpClient plain = HttpClient.newHttpClient()) {
            URI https = URI.create("https://127.0.0.1:" + server.port());
            HttpResponse<String> appended = client.send(
                    HttpRequest.newBuilder(https.resolve("/streams/tls-1"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"A\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(appended.statusCode()).isEqualTo(201);
            assertThat(client.send(
                                    HttpRequest.newBuilder(https.resolve("/streams/tls-1"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("\"type\":\"A\"");
            assertThatThrownBy(() -> plain.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/live"))
                                    .timeout(java.time.Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void a_keystore_that_cannot_be_opened_stops_the_start_saying_why() throws Exception {
        Path keystore = keystore();
        String[] args = {
            "--port",
            "0",
            "--data-dir",
            dir.resolve("data").toString(),
            "--tls-keystore",
            keystore.toString(),
            "--tls-keystore-password",
            "wrong-password"
        };
        assertThatThrownBy(() -> AnnalServer.start(ServerOptions.parse(args, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read the TLS keystore");
    }
}
