package io.annal.server;

import io.annal.http.ApiLimits;
import io.annal.http.HttpApi;
import io.annal.kafka.OutboxRelay;
import io.annal.store.EventStore;
import io.annal.store.embedded.EmbeddedEventStore;
import io.annal.store.embedded.EmbeddedStoreConfig;
import io.annal.store.postgres.PostgresEventStore;
import io.annal.store.postgres.PostgresStoreConfig;
import io.helidon.webserver.WebServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Annal server: the store, the reference domains and read models, and the HTTP API on one
 * port. {@link #main} is what {@code java -jar annal-server.jar} runs.
 */
public final class AnnalServer implements AutoCloseable {

    /** Requests served at once (open subscriptions count); more are answered 503. */
    static final int MAX_CONCURRENT_REQUESTS = 4096;

    private final EventStore store;
    private final ReadModels readModels;
    private final Processes processes;
    private final Optional<OutboxRelay> relay;
    private final HttpApi api;
    private final WebServer web;
    private final Telemetry telemetry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AnnalServer(ServerOptions options, ApiLimits limits, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.store = openStore(options);
        // what started so far, closed in reverse when a later step fails
        Deque<AutoCloseable> started = new ArrayDeque<>();
        started.push(telemetry);
        started.push(store);
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(registry);
            new JvmGcMetrics().bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            EventStore metered = new MeteredEventStore(store, registry);
            ReferenceDomains domains = new ReferenceDomains(metered, telemetry.openTelemetry());
            ReadModels models = new ReadModels(metered, options, telemetry.openTelemetry());
            started.push(models);
            models.bindMetrics(registry);
            Processes runtimes = new Processes(metered, domains, telemetry.openTelemetry());
            HttpApi.Builder builder = HttpApi.builder(metered)
                    .limits(limits)
                    .meterRegistry(registry)
                    .openTelemetry(telemetry.openTelemetry())
                    .operations(
                            new ServerOperations(() -> !closed.get() && runtimes.healthy(), registry, models.manager))
                    .onStreamDeleted(domains::evict);
            if (options.security()) {
                builder.authenticator(Security.authenticator(options));
            }
            builder.streamRules(Security.streamRules(options));
            Optional<javax.net.ssl.SSLContext> tls = ServerTls.context(options);
            builder.rateLimit(options.rateLimit());
            builder.maxInFlight(options.maxInFlightWrites(), options.maxInFlightReads());
            CommandRoutes.register(builder, domains);
            models.register(builder);
            HttpApi httpApi = builder.build();
            models.start();
            runtimes.start();
            started.push(runtimes);
            // integration events go to Kafka only when brokers are named
            Optional<OutboxRelay> outbox = options.kafkaBootstrap()
                    .map(brokers -> OutboxRelay.builder("reference", metered, brokers)
                            .build()
                            .start());
            outbox.ifPresent(started::push);
            WebServer server = WebServer.builder()
                    .address(InetAddress.getLoopbackAddress())
                    .port(options.port())
                    .shutdownHook(false)
                    .shutdownGracePeriod(Duration.ofSeconds(5))
                    // beyond this many requests at once the server answers 503 instead of queueing without bound
                    .maxConcurrentRequests(MAX_CONCURRENT_REQUESTS)
                    .routing(httpApi::register)
                    .directHandlers(HttpApi.transportErrors())
                    .update(web -> tls.ifPresent(context -> web.tls(t -> t.sslContext(context))))
                    .build()
                    .start();
            started.push(server::stop);
            writePortFile(options.dataDir(), server.port());
            this.readModels = models;
            this.processes = runtimes;
            this.relay = outbox;
            this.api = httpApi;
            this.web = server;
        } catch (RuntimeException e) {
            closeAll(started, e);
            throw e;
        }
    }

    private static void closeAll(Deque<AutoCloseable> started, RuntimeException failure) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Starts a server; its port is {@link #port()} (useful with port 0). */
    public static AnnalServer start(ServerOptions options) {
        return start(options, ApiLimits.defaults());
    }

    /** Starts a server with its own limits, for tests and embedding. */
    public static AnnalServer start(ServerOptions options, ApiLimits limits) {
        return new AnnalServer(
                options,
                options.requestTimeout().map(limits::withRequestTimeout).orElse(limits),
                Telemetry.of(options.otelEndpoint(), options.otelSamplerRatio()));
    }

    /** Starts a server that traces with {@code otel} (given by the embedder, who also closes it). */
    public static AnnalServer start(ServerOptions options, ApiLimits limits, OpenTelemetry otel) {
        return new AnnalServer(
                options,
                options.requestTimeout().map(limits::withRequestTimeout).orElse(limits),
                Telemetry.given(otel));
    }

    public int port() {
        return web.port();
    }

    private static EventStore openStore(ServerOptions options) {
        if (options.store().equals("postgres")) {
            return PostgresEventStore.open(PostgresStoreConfig.forUrl(
                    options.postgresUrl().orElseThrow(),
                    options.postgresUser().orElse(null),
                    options.postgresPassword().orElse(null)));
        }
        return EmbeddedEventStore.open(EmbeddedStoreConfig.of(options.dataDir()));
    }

    private static void writePortFile(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            Path tmp = dataDir.resolve("server.port.tmp");
            Files.writeString(tmp, port + "\n");
            Files.move(tmp, dataDir.resolve("server.port"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve("server.port"), e);
        }
    }

    /**
     * Stops gracefully: refuses new connections, lets requests in flight finish, ends open
     * subscriptions, stops the read models, then flushes and closes the store.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        api.stopping();
        try {
            web.stop();
        } finally {
            try {
                relay.ifPresent(OutboxRelay::close);
                processes.close();
                readModels.close();
            } finally {
                try {
                    store.close();
                } finally {
                    telemetry.close(); // last: spans of the shutdown itself still go out
                }
            }
        }
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")
                || java.util.Arrays.asList(args).contains("-h")) {
            System.out.print(OptionTable.help());
            System.out.flush();
            return;
        }
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("annal: " + e.getMessage());
            System.exit(2);
            return;
        }
        AnnalServer server;
        try {
            server = start(options);
        } catch (IllegalArgumentException e) {
            System.err.println("annal: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("annal: could not start: " + e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "annal-shutdown"));
        Signals.exitZeroOnTerm();
        boolean tls = options.tlsKeystore().isPresent() || options.tlsCert().isPresent();
        ReadyProbe.await(server.port(), tls);
        System.out.println("Annal ready on " + (tls ? "https" : "http") + "://127.0.0.1:" + server.port());
        System.out.flush();
    }
}
