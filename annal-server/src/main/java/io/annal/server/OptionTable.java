package io.annal.server;

import java.util.List;
import java.util.Locale;

/** Every option the server reads, with its default and meaning: for {@code --help} and the docs. */
final class OptionTable {

    record Option(String name, String defaultValue, String meaning) {
        String envVar() {
            return "ANNAL_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    static final List<Option> OPTIONS = List.of(
            new Option("port", "2113", "HTTP port (0 = any free port, written to server.port in the data dir)"),
            new Option("data-dir", "./annal-data", "embedded store, embedded read models, checkpoints"),
            new Option("store", "embedded", "embedded or postgres"),
            new Option("postgres-url", "-", "JDBC URL of the PostgreSQL event store and read models"),
            new Option("postgres-user", "-", "PostgreSQL user"),
            new Option("postgres-password", "-", "PostgreSQL password"),
            new Option("kafka-bootstrap", "-", "Kafka brokers for integration events (outbox relay off when unset)"),
            new Option("redis-url", "-", "Redis for cached read models (in-process cache when unset)"),
            new Option("security", "off with embedded, on otherwise", "API keys / tokens and roles: on or off"),
            new Option("security-secret", "-", "HS256 secret for bearer tokens (16+ characters, not a default)"),
            new Option("api-keys", "-", "API keys as key:role,key:role (reader, writer, admin)"),
            new Option("jwt-public-key", "-", "PEM file of the RS256 public key for bearer tokens"),
            new Option("stream-rules", "-", "per-stream-prefix access: who=prefix:read|write,… (needs security)"),
            new Option("rate-limit", "0", "requests a second per client, 0 for none (429 past it)"),
            new Option("max-in-flight-writes", "256", "appends, deletes and commands served at once (503 past it)"),
            new Option("max-in-flight-reads", "1024", "stream reads, /all and queries served at once (503 past it)"),
            new Option("request-timeout", "30", "seconds a request body may take to arrive (408 after it)"),
            new Option("tls-keystore", "-", "PKCS12 file with the server's key and certificate: HTTPS"),
            new Option("tls-keystore-password", "-", "password of the PKCS12 keystore"),
            new Option("tls-cert", "-", "PEM certificate chain: HTTPS (with --tls-key)"),
            new Option("tls-key", "-", "PEM private key, PKCS#8 or PKCS#1 RSA, unencrypted (with --tls-cert)"),
            new Option("otel-endpoint", "-", "OTLP/HTTP endpoint for traces (else OTEL_EXPORTER_OTLP_ENDPOINT)"),
            new Option("otel-sampler-ratio", "1.0", "share of new traces sampled, 0 to 1; a caller's choice is kept"),
            new Option("config", "-", "YAML file of key: value lines naming any of these options"));

    private OptionTable() {}

    static List<String> names() {
        return OPTIONS.stream().map(Option::name).toList();
    }

    /** What {@code --help} prints. */
    static String help() {
        StringBuilder out = new StringBuilder("usage: java -jar annal-server.jar [--option value]...\n"
                + "Each option also reads the environment variable shown, then the --config file.\n\n");
        for (Option option : OPTIONS) {
            out.append(String.format(
                    Locale.ROOT,
                    "  --%-22s %-28s %s (default: %s)%n",
                    option.name(),
                    option.envVar(),
                    option.meaning(),
                    option.defaultValue()));
        }
        return out.toString();
    }
}
