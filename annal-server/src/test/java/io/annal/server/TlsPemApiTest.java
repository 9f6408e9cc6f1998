package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.http.ApiLimits;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files made here: by openssl when the machine has it, else by keytool and the
 * JDK; the client trusts only that certificate.
 */
class TlsPemApiTest {

    @TempDir
    Path dir;

    /** Writes cert.pem, key.pem (PKCS#8) and key-rsa.pem (PKCS#1) for 127.0.0.1 into {@code into}. */
    private static void selfSigned(Path into) throws Exception {
        Files.createDirectories(into);
        if (run(into, "openssl", "version") == 0) {
            assertThat(run(
                            into,
                            "openssl",
                            "req",
                            "-x509",
                            "-newkey",
                            "rsa:2048",
                            "-nodes",
                            "-keyout",
                            "key.pem",
                            "-out",
                            "cert.pem",
                            "-days",
                            "2",
                            "-subj",
                            "/CN=localhost",
                            "-addext",
                            "subjectAltName=IP:127.0.0.1"))
                    .isZero();
            assertThat(run(into, "openssl", "rsa", "-in", "key.pem", "-traditional", "-out", "key-rsa.pem"))
                    .isZero();
            return;
        }
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        assertThat(run(
                        into,
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "k",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        "k.p12",
                        "-storepass",
                        "pass-0123456789"))
                .isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(into.resolve("k.p12"))) {
            store.load(in, "pass-0123456789".toCharArray());
        }
        Key key = store.getKey("k", "pass-0123456789".toCharArray());
        Files.writeString(
                into.resolve("cert.pem"),
                pem("CERTIFICATE", store.getCertificate("k").getEncoded()));
        Files.writeString(into.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        // a 2048-bit RSA PKCS#8 key is a fixed 26-byte header around the PKCS#1 key
        byte[] pkcs8 = key.getEncoded();
        Files.writeString(
                into.resolve("key-rsa.pem"), pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int run(Path in, String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(in.toFile())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (java.io.IOException e) {
            return -1; // not installed
        }
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry(
                    "annal", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private AnnalServer start(Map<String, String> env, String... options) {
        String[] args = new String[options.length + 4];
        System.arraycopy(
                new String[] {"--port", "0", "--data-dir", dir.resolve("data").toString()}, 0, args, 0, 4);
        System.arraycopy(options, 0, args, 4, options.length);
        return AnnalServer.start(ServerOptions.parse(args, env), ApiLimits.defaults());
    }

    private static void speaksHttps(AnnalServer server, Path cert) throws Exception {
        try (HttpClient client =
                HttpClient.newBuilder().sslContext(trusting(cert)).build()) {
            URI https = URI.create("https://127.0.0.1:" + server.port());
            HttpResponse<String> appended = client.send(
                    HttpRequest.newBuilder(https.resolve("/streams/pem-1"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"A\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(appended.statusCode()).isIn(200, 201);
            assertThat(client.send(
                                    HttpRequest.newBuilder(https.resolve("/streams/pem-1"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .contains("\"type\":\"A\"");
        }
    }

    @Test
    void pem_files_from_options_the_environment_or_the_config_file_serve_https() throws Exception {
        Path pems = dir.resolve("pems");
        selfSigned(pems);
        String cert = pems.resolve("cert.pem").toString();
        try (AnnalServer server = start(
                Map.of(),
                "--tls-cert",
                cert,
                "--tls-key",
                pems.resolve("key.pem").toString())) {
            speaksHttps(server, pems.resolve("cert.pem"));
        }
        try (AnnalServer server = start(Map.of(
                "ANNAL_TLS_CERT",
                cert,
                "ANNAL_TLS_KEY",
                pems.resolve("key-rsa.pem").toString()))) {
            speaksHttps(server, pems.resolve("cert.pem"));
        }
        Path config = dir.resolve("annal.yaml");
        Files.writeString(config, "tls-cert: " + cert + "\ntls-key: " + pems.resolve("key.pem") + "\n");
        try (AnnalServer server = start(Map.of(), "--config", config.toString())) {
            speaksHttps(server, pems.resolve("cert.pem"));
        }
    }

    @Test
    void pem_files_that_do_not_fit_stop_the_start_saying_why() throws Exception {
        Path pems = dir.resolve("pems");
        Path other = dir.resolve("other");
        selfSigned(pems);
        selfSigned(other);
        String cert = pems.resolve("cert.pem").toString();
        assertThatThrownBy(() -> start(Map.of(), "--tls-cert", cert)).hasMessageContaining("--tls-key");
        assertThatThrownBy(() -> start(
                        Map.of(),
                        "--tls-cert",
                        cert,
                        "--tls-key",
                        other.resolve("key.pem").toString()))
                .hasMessageContaining("is not the key");
        assertThatThrownBy(() -> start(Map.of(), "--tls-cert", cert, "--tls-key", cert))
                .hasMessageContaining("openssl pkcs8");
        assertThatThrownBy(() -> start(
                        Map.of(),
                        "--tls-cert",
                        pems.resolve("key.pem").toString(),
                        "--tls-key",
                        pems.resolve("key.pem").toString()))
                .hasMessageContaining("certificate");
        assertThatThrownBy(() -> start(
                        Map.of(),
                        "--tls-cert",
                        cert,
                        "--tls-key",
                        pems.resolve("key.pem").toString(),
                        "--tls-keystore",
                        cert))
                .hasMessageContaining("not both");
        assertThat(Files.exists(dir.resolve("data").resolve("server.port"))).isFalse();
    }
}
