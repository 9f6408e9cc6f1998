package io.annal.http;

import io.annal.store.EventStore;
import io.annal.store.StreamName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The whole HTTP API as Helidon routing: give it a store, the commands and read models to serve
 * and the operations to report, then {@link #register} it on a server's routing.
 */
public final class HttpApi {

    /** Writes in flight at once by default: with 4 MiB bodies, at most 1 GiB of bodies held. */
    public static final int DEFAULT_MAX_IN_FLIGHT_WRITES = 256;

    /** Reads in flight at once by default. */
    public static final int DEFAULT_MAX_IN_FLIGHT_READS = 1024;

    private final EventStore store;
    private final ApiLimits limits;
    private final Map<String, CommandRoute> commands;
    private final Map<String, ReadModel> readModels;
    private final Operations operations;
    private final Consumer<StreamName> onStreamDeleted;
    private final ApiMetrics metrics;
    private final java.util.Optional<Authenticator> authenticator;
    private final double rateLimit;
    private final io.opentelemetry.api.OpenTelemetry openTelemetry;
    private final StreamRules streamRules;
    private final InFlightLimits inFlight;
    private volatile boolean stopping;
    private volatile SubscribeHandler subscribe;

    private HttpApi(Builder b) {
        this.store = b.store;
        this.limits = b.limits;
        this.commands = Map.copyOf(b.commands);
        this.readModels = Map.copyOf(b.readModels);
        this.operations = Objects.requireNonNull(b.operations, "operations");
        this.onStreamDeleted = b.onStreamDeleted;
        this.metrics = new ApiMetrics(Objects.requireNonNull(b.registry, "meter registry"));
        this.authenticator = java.util.Optional.ofNullable(b.authenticator);
        this.rateLimit = b.rateLimit;
        this.openTelemetry = b.openTelemetry;
        this.streamRules = b.streamRules;
        this.inFlight = new InFlightLimits(b.maxInFlightWrites, b.maxInFlightReads);
        for (boolean write : new boolean[] {true, false}) {
            io.micrometer.core.instrument.Gauge.builder("annal.http.in.flight", inFlight, l -> l.inUse(write))
                    .tag("class", write ? "writes" : "reads")
                    .description("requests in flight per capped route class")
                    .register(b.registry);
        }
    }

    public static Builder builder(EventStore store) {
        return new Builder(store);
    }

    /** Adds every route, a problem+json answer for every error and per-route timing. */
    public void register(HttpRouting.Builder routing) {
        StreamsHandler streams = new StreamsHandler(store, limits, onStreamDeleted);
        AllHandler all = new AllHandler(store);
        SubscribeHandler subscribe = new SubscribeHandler(store, limits, () -> stopping);
        this.subscribe = subscribe;
        CommandsHandler commandsHandler =
                new CommandsHandler(store, commands, limits, metrics, new StreamGuard(streamRules));
        QueriesHandler queries = new QueriesHandler(readModels, limits, new StreamGuard(streamRules));
        AdminHandler admin = new AdminHandler(store, operations);
        routing.addFilter((chain, req, res) -> {
            long started = System.nanoTime();
            try {
                chain.proceed();
            } finally {
                metrics.request(
                        req.prologue().method().text(),
                        RouteNames.of(req.path().rawPath()),
                        res.status().code(),
                        System.nanoTime() - started);
            }
        });
        routing.addFilter(Correlation::filter);
        if (openTelemetry != io.opentelemetry.api.OpenTelemetry.noop()) {
            routing.addFilter(new HttpTracing(openTelemetry)::filter);
        }
        routing.addFilter(RequestLog::filter);
        authenticator.ifPresent(a -> routing.addFilter(new AccessControl(a, streamRules)::filter));
        if (rateLimit > 0) {
            routing.addFilter(new RateLimiter(rateLimit)::filter);
        }
        routing.addFilter(inFlight::filter);
        routing.error(Throwable.class, (req, res, error) -> ProblemResponses.send(res, error))
                .any("/streams/*", streams::handle)
                .get("/all", all::handle)
                .get("/subscribe/all", subscribe::all)
                .get("/subscribe/streams/*", subscribe::stream)
                .post("/commands/*", commandsHandler::handle)
                .get("/queries/*", queries::handle)
                .get("/health/live", (req, res) -> Responses.json(res, Map.of("status", "UP")))
                .get("/health/ready", this::ready)
                .get("/metrics", this::metrics)
                .any("/admin/*", admin::handle)
                .any(HttpApi::unrouted);
    }

    /** 405 with {@code Allow} for a known resource asked with another method, else 404. */
    private static void unrouted(ServerRequest req, ServerResponse res) {
        String path = req.path().rawPath();
        java.util.Optional<String> allowed = RouteNames.allowed(path);
        if (allowed.isPresent()) {
            res.header(HeaderNames.ALLOW, allowed.get());
            throw StreamsHandler.methodNotAllowed(req.prologue().method(), allowed.get());
        }
        throw Problem.notFound("no resource at " + Requests.shorten(path));
    }

    /**
     * Problem+json answers for the errors the web server meets before routing (malformed HTTP,
     * oversized URI or headers): give them to the server's {@code directHandlers}.
     */
    public static io.helidon.webserver.http.DirectHandlers transportErrors() {
        return TransportErrors.handlers();
    }

    /** From now on, open subscriptions end at their next heartbeat, so that the server can stop. */
    public void stopping() {
        stopping = true;
        if (subscribe != null) {
            subscribe.endAll();
        }
    }

    private void ready(ServerRequest req, ServerResponse res) {
        if (operations.ready() && !stopping) {
            Responses.json(res, Map.of("status", "UP"));
        } else {
            throw Problem.of(503, "Service Unavailable", "the server is starting or stopping");
        }
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        res.send(operations.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Configures an {@link HttpApi}. */
    public static final class Builder {
        private final EventStore store;
        private ApiLimits limits = ApiLimits.defaults();
        private final Map<String, CommandRoute> commands = new LinkedHashMap<>();
        private final Map<String, ReadModel> readModels = new LinkedHashMap<>();
        private Operations operations;
        private MeterRegistry registry;
        private Consumer<StreamName> onStreamDeleted = stream -> {};
        private Authenticator authenticator;
        private double rateLimit;
        private io.opentelemetry.api.OpenTelemetry openTelemetry = io.opentelemetry.api.OpenTelemetry.noop();
        private StreamRules streamRules = StreamRules.none();
        private int maxInFlightWrites = DEFAULT_MAX_IN_FLIGHT_WRITES;
        private int maxInFlightReads = DEFAULT_MAX_IN_FLIGHT_READS;

        private Builder(EventStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder limits(ApiLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        public Builder command(String type, CommandRoute route) {
            commands.put(type, Objects.requireNonNull(route, "route"));
            return this;
        }

        public Builder readModel(String name, ReadModel model) {
            readModels.put(name, Objects.requireNonNull(model, "read model"));
            return this;
        }

        public Builder operations(Operations value) {
            this.operations = value;
            return this;
        }

        public Builder meterRegistry(MeterRegistry value) {
            this.registry = value;
            return this;
        }

        /** Called after a stream was deleted through the API, to drop what was cached about it. */
        public Builder onStreamDeleted(Consumer<StreamName> listener) {
            this.onStreamDeleted = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Turns security on: every request but health checks must prove a caller with a role. */
        public Builder authenticator(Authenticator value) {
            this.authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /** Limits each client to this many requests a second (0, the default, for no limit). */
        public Builder rateLimit(double perSecond) {
            this.rateLimit = perSecond;
            return this;
        }

        /** With security on, also limits each caller to the streams these rules give it. */
        public Builder streamRules(StreamRules value) {
            this.streamRules = Objects.requireNonNull(value, "stream rules");
            return this;
        }

        /**
         * Caps the requests in flight at once: writes (appends, deletes, commands) and reads
         * (streams, {@code /all}, queries); past a cap a request is answered 503 with {@code
         * Retry-After}.
         */
        public Builder maxInFlight(int writes, int reads) {
            if (writes < 1 || reads < 1) {
                throw new IllegalArgumentException(
                        "in-flight caps are 1 or more (got writes " + writes + ", reads " + reads + ")");
            }
            this.maxInFlightWrites = writes;
            this.maxInFlightReads = reads;
            return this;
        }

        /** Traces every request as a server span, continuing a W3C {@code traceparent}; off by default. */
        public Builder openTelemetry(io.opentelemetry.api.OpenTelemetry value) {
            this.openTelemetry = Objects.requireNonNull(value, "OpenTelemetry");
            return this;
        }

        public HttpApi build() {
            return new HttpApi(this);
        }
    }
}
