package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.annal.examples.bank.Balance;
import io.annal.examples.bank.BalanceView;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.StatementView;
import io.annal.examples.bank.TransferView;
import io.annal.examples.orders.OrderSummaryView;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.examples.orders.StockView;
import io.annal.http.HttpApi;
import io.annal.projection.ProjectionManager;
import io.annal.projection.RunnerOptions;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.projection.jdbc.SqlDialect;
import io.annal.readmodels.OrderReadModel;
import io.annal.readmodels.StatementReadModel;
import io.annal.readmodels.StockReadModel;
import io.annal.readmodels.TransferReadModel;
import io.annal.store.EventStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference read models as durable projections: SQLite under the data directory by default,
 * PostgreSQL with {@code --postgres-url}. Each resumes from its checkpoint at start. Balances are
 * answered from Redis with {@code --redis-url}, else from an in-process cache.
 */
final class ReadModels implements AutoCloseable {

    static final ObjectMapper JSON = Documents.JSON;

    final ProjectionManager manager;
    private final EventStore store;
    private final JdbcReadModels sql;
    private final HikariDataSource pool;
    private final HotBalances balances;
    private final Optional<RedisBalances> redis;

    ReadModels(EventStore store, ServerOptions options, OpenTelemetry otel) {
        this.store = store;
        this.manager = ProjectionManager.create(
                store, store, RunnerOptions.defaults(), java.time.InstantSource.system(), otel);
        this.pool = options.postgresUrl().map(url -> postgresPool(url, options)).orElseGet(() -> sqlitePool(options));
        this.sql = options.postgresUrl().isPresent()
                ? JdbcReadModels.postgres(pool)
                : JdbcReadModels.using(pool, SqlDialect.SQLITE, java.time.InstantSource.system());
        this.balances = new HotBalances(sql);
        this.redis = options.redisUrl().map(RedisBalances::connect);
    }

    /**
     * SQLite connections stay open in a pool: opening one per transaction re-reads the schema, and
     * closing the last one checkpoints the whole WAL, which cost most of a deposit's CPU.
     */
    private static HikariDataSource sqlitePool(ServerOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.dataDir(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(JdbcReadModels.sqliteDataSource(options.dataDir().resolve("read-models.db")));
        config.setMaximumPoolSize(4);
        config.setPoolName("annal-read-models");
        return new HikariDataSource(config);
    }

    private static HikariDataSource postgresPool(String url, ServerOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        options.postgresUser().ifPresent(config::setUsername);
        options.postgresPassword().ifPresent(config::setPassword);
        config.setMaximumPoolSize(8);
        config.setPoolName("annal-read-models");
        return new HikariDataSource(config);
    }

    /** Starts every projection: each resumes from its checkpoint, or builds from the start. */
    void start() {
        manager.start(balances.projection(), sql);
        balances.startedBy(manager);
        manager.start(StatementReadModel.projection(), sql);
        manager.start(TransferReadModel.projection(), sql);
        manager.start(OrderReadModel.projection(), sql);
        manager.start(StockReadModel.projection(), sql);
        redis.ifPresent(r -> r.start(manager));
    }

    void register(HttpApi.Builder api) {
        BalanceView balance = BalanceView.create();
        StatementView statement = StatementView.create();
        TransferView transfer = TransferView.create();
        OrderSummaryView order = OrderSummaryView.create();
        StockView stock = StockView.create();
        api.readModel(
                        "balance",
                        new SqlReadModel<>(
                                redis.map(r -> RedisBalances.NAME).orElse("balance"),
                                manager,
                                redis.<Function<String, Optional<Balance>>>map(r -> r::find)
                                        .orElse(balances::find),
                                new StreamFold<>(
                                        store,
                                        "account-",
                                        BankCodecs.accounts(),
                                        balance.initialState(),
                                        balance::evolve,
                                        Balance::exists),
                                Documents::balance,
                                Optional.empty()))
                .readModel(
                        "statement",
                        new SqlReadModel<>(
                                "statement",
                                manager,
                                key -> StatementReadModel.find(sql, key),
                                new StreamFold<>(
                                        store,
                                        "account-",
                                        BankCodecs.accounts(),
                                        statement.initialState(),
                                        statement::evolve,
                                        s -> !s.accountId().isEmpty()),
                                Documents::statement,
                                Optional.empty()))
                .readModel(
                        "transfers",
                        new SqlReadModel<>(
                                "transfers",
                                manager,
                                key -> TransferReadModel.find(sql, key),
                                new StreamFold<>(
                                        store,
                                        "transfer-",
                                        BankCodecs.transfers(),
                                        transfer.initialState(),
                                        (s, e) -> transfer.evolve(s, e.event()),
                                        t -> !t.status().isEmpty()),
                                Documents::transfer,
                                Optional.empty()))
                .readModel(
                        "orders",
                        new SqlReadModel<>(
                                "orders",
                                manager,
                                key -> OrderReadModel.find(sql, key),
                                new StreamFold<>(
                                        store,
                                        "order-",
                                        OrdersCodecs.orders(),
                                        order.initialState(),
                                        (s, e) -> order.evolve(s, e.event()),
                                        o -> !o.status().isEmpty()),
                                Documents::order,
                                Optional.of(this::searchOrders)))
                .readModel(
                        "stock",
                        new SqlReadModel<>(
                                "stock",
                                manager,
                                key -> StockReadModel.find(sql, key),
                                new StreamFold<>(
                                        store,
                                        "inventory-",
                                        OrdersCodecs.inventory(),
                                        stock.initialState(),
                                        (s, e) -> stock.evolve(s, e.event()),
                                        s -> !s.productId().isEmpty()),
                                Documents::stock,
                                Optional.empty()));
    }

    /** Lag gauges per projection, for the metrics endpoint. */
    void bindMetrics(MeterRegistry registry) {
        for (String name : List.of("balance", "statement", "transfers", "orders", "stock")) {
            Gauge.builder(
                            "annal.projection.lag.events",
                            manager,
                            m -> m.info(name).lagEvents())
                    .tag("projection", name)
                    .register(registry);
            Gauge.builder(
                            "annal.projection.position",
                            manager,
                            m -> m.position(name).map(p -> p.value()).orElse(-1L))
                    .tag("projection", name)
                    .register(registry);
            Gauge.builder("annal.projection.errors", manager, m -> m.info(name).errors())
                    .tag("projection", name)
                    .register(registry);
        }
    }

    private JsonNode searchOrders(Map<String, List<String>> parameters) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        OrderReadModel.search(sql, first(parameters, "customerId"), first(parameters, "status"), first(parameters, "q"))
                .forEach(o -> results.add(Documents.order(o)));
        return out;
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst().isBlank() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public void close() {
        try {
            manager.close();
        } finally {
            redis.ifPresent(RedisBalances::close);
            pool.close();
        }
    }
}
