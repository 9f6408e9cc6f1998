package io.annal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's options. Each is read from the command line ({@code --port 2113} or {@code
 * --port=2113}), else the environment ({@code ANNAL_PORT}), else the config file named by {@code
 * --config} (YAML {@code key: value} lines), else its default.
 */
public record ServerOptions(
        int port,
        Path dataDir,
        String store,
        Optional<String> postgresUrl,
        Optional<String> postgresUser,
        Optional<String> postgresPassword,
        Optional<String> kafkaBootstrap,
        Optional<String> redisUrl,
        boolean security,
        Optional<String> securitySecret,
        Optional<String> apiKeys,
        Optional<String> jwtPublicKey,
        double rateLimit,
        Optional<String> otelEndpoint,
        Optional<String> streamRules,
        Optional<String> tlsKeystore,
        Optional<String> tlsKeystorePassword,
        Optional<Duration> requestTimeout,
        int maxInFlightWrites,
        int maxInFlightReads,
        Optional<String> tlsCert,
        Optional<String> tlsKey,
        double otelSamplerRatio) {

    static final List<String> NAMES = OptionTable.names();

    /** Reads the options; throws {@link IllegalArgumentException} with a message for a person. */
    public static ServerOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> cli = commandLine(args);
        Map<String, String> file = Map.of();
        Optional<String> config =
                Optional.ofNullable(cli.get("config")).or(() -> Optional.ofNullable(env.get("ANNAL_CONFIG")));
        if (config.isPresent()) {
            file = yaml(Path.of(config.get()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String envName = "ANNAL_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            String value = cli.containsKey(name)
                    ? cli.get(name)
                    : env.containsKey(envName) ? env.get(envName) : file.get(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.trim());
            }
        }
        int port = port(values.getOrDefault("port", "2113"));
        String store = values.getOrDefault("store", "embedded");
        if (!store.equals("embedded") && !store.equals("postgres")) {
            throw new IllegalArgumentException("--store must be embedded or postgres (got '" + store + "')");
        }
        if (store.equals("postgres") && !values.containsKey("postgres-url")) {
            throw new IllegalArgumentException("--store postgres needs --postgres-url (or ANNAL_POSTGRES_URL)");
        }
        boolean security = switch (values.getOrDefault("security", store.equals("embedded") ? "off" : "on")) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException("--security must be on or off");
        };
        return new ServerOptions(
                port,
                Path.of(values.getOrDefault("data-dir", "./annal-data")),
                store,
                Optional.ofNullable(values.get("postgres-url")),
                Optional.ofNullable(values.get("postgres-user")),
                Optional.ofNullable(values.get("postgres-password")),
                Optional.ofNullable(values.get("kafka-bootstrap")),
                Optional.ofNullable(values.get("redis-url")),
                security,
                Optional.ofNullable(values.get("security-secret")),
                Optional.ofNullable(values.get("api-keys")),
                Optional.ofNullable(values.get("jwt-public-key")),
                rate(values.getOrDefault("rate-limit", "0")),
                otelEndpoint(values, env),
                Optional.ofNullable(values.get("stream-rules")),
                Optional.ofNullable(values.get("tls-keystore")),
                Optional.ofNullable(values.get("tls-keystore-password")),
                Optional.ofNullable(values.get("request-timeout")).map(ServerOptions::seconds),
                atLeastOne("max-in-flight-writes", values.getOrDefault("max-in-flight-writes", "256")),
                atLeastOne("max-in-flight-reads", values.getOrDefault("max-in-flight-reads", "1024")),
                Optional.ofNullable(values.get("tls-cert")),
                Optional.ofNullable(values.get("tls-key")),
                ratio(values.getOrDefault("otel-sampler-ratio", "1.0")));
    }

    /** {@code --otel-endpoint}, else OpenTelemetry's own {@code OTEL_EXPORTER_OTLP_ENDPOINT}: tracing is off without. */
    private static Optional<String> otelEndpoint(Map<String, String> values, Map<String, String> env) {
        Optional<String> url = Optional.ofNullable(values.get("otel-endpoint"))
                .or(() -> Optional.ofNullable(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"))
                        .map(String::trim))
                .filter(text -> !text.isBlank());
        if (url.isPresent() && !url.get().matches("https?://[^\\s]+")) {
            throw new IllegalArgumentException(
                    "--otel-endpoint is an http(s) URL such as http://localhost:4318 (got '" + url.get() + "')");
        }
        return url;
    }

    private static Duration seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("--request-timeout is whole seconds, 1 or more (got '" + text + "')");
    }

    private static int atLeastOne(String name, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("--" + name + " is a whole number, 1 or more (got '" + text + "')");
    }

    private static double ratio(String text) {
        try {
            double ratio = Double.parseDouble(text);
            if (ratio >= 0 && ratio <= 1) {
                return ratio;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(
                "--otel-sampler-ratio is the share of traces sampled, 0 to 1 (got '" + text + "')");
    }

    private static double rate(String text) {
        try {
            double rate = Double.parseDouble(text);
            if (rate >= 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(
                "--rate-limit is requests a second per client, 0 for none (got '" + text + "')");
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("--port must be 0 to 65535 (got '" + text + "')");
    }

    private static Map<String, String> commandLine(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options look like --port 2113");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown option --" + name + "; known: --" + String.join(", --", NAMES));
            }
            out.put(name, value);
        }
        return out;
    }

    /** Simple YAML: {@code key: value} lines, {@code #} comments, optional quotes. */
    static Map<String, String> yaml(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("config line '" + text + "' is not 'key: value'");
            }
            String key = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            int comment = value.indexOf(" #");
            if (comment >= 0) {
                value = value.substring(0, comment).strip();
            }
            if (value.length() >= 2
                    && (value.startsWith("\"") && value.endsWith("\"")
                            || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(key.replace('_', '-'), value);
        }
        return out;
    }
}
