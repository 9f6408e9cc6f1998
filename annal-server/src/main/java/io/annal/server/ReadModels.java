package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.examples.bank.Balance;
import io.annal.examples.bank.BalanceView;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.Statement;
import io.annal.examples.bank.StatementView;
import io.annal.examples.bank.TransferSummary;
import io.annal.examples.bank.TransferView;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.examples.orders.StockLevel;
import io.annal.examples.orders.StockView;
import io.annal.http.HttpApi;
import io.annal.store.EventStore;
import io.annal.store.StreamName;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The reference read models, kept live in memory: balance, statement, transfers, orders, stock. */
final class ReadModels implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    final FoldedReadModel<?, Balance> balance;
    final FoldedReadModel<?, Statement> statement;
    final FoldedReadModel<?, TransferSummary> transfers;
    final OrdersReadModel orders;
    final FoldedReadModel<?, StockLevel> stock;

    ReadModels(EventStore store) {
        BalanceView balanceView = BalanceView.create();
        StatementView statementView = StatementView.create();
        TransferView transferView = TransferView.create();
        StockView stockView = StockView.create();
        this.balance = new FoldedReadModel<>(
                "balance",
                store,
                "account-",
                BankCodecs.accounts(),
                balanceView.initialState(),
                balanceView::evolve,
                Balance::exists,
                ReadModels::balance);
        this.statement = new FoldedReadModel<>(
                "statement",
                store,
                "account-",
                BankCodecs.accounts(),
                statementView.initialState(),
                statementView::evolve,
                s -> !s.accountId().isEmpty(),
                ReadModels::statement);
        this.transfers = new FoldedReadModel<>(
                "transfers",
                store,
                "transfer-",
                BankCodecs.transfers(),
                transferView.initialState(),
                (state, envelope) -> transferView.evolve(state, envelope.event()),
                t -> !t.status().isEmpty(),
                ReadModels::transfer);
        this.orders = new OrdersReadModel(store);
        this.stock = new FoldedReadModel<>(
                "stock",
                store,
                "inventory-",
                OrdersCodecs.inventory(),
                stockView.initialState(),
                (state, envelope) -> stockView.evolve(state, envelope.event()),
                s -> !s.productId().isEmpty(),
                ReadModels::stock);
    }

    List<LiveProjection> projections() {
        return List.of(
                balance.projection, statement.projection, transfers.projection, orders.projection, stock.projection);
    }

    /** Lag gauges per projection, for the metrics endpoint. */
    void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        for (LiveProjection p : projections()) {
            io.micrometer.core.instrument.Gauge.builder("annal.projection.lag.events", p, LiveProjection::lagEvents)
                    .tag("projection", p.name())
                    .register(registry);
            io.micrometer.core.instrument.Gauge.builder("annal.projection.position", p, LiveProjection::position)
                    .tag("projection", p.name())
                    .register(registry);
            io.micrometer.core.instrument.Gauge.builder("annal.projection.errors", p, LiveProjection::errors)
                    .tag("projection", p.name())
                    .register(registry);
        }
    }

    void start() {
        projections().forEach(LiveProjection::start);
    }

    void register(HttpApi.Builder api) {
        api.readModel("balance", balance)
                .readModel("statement", statement)
                .readModel("transfers", transfers)
                .readModel("orders", orders)
                .readModel("stock", stock);
    }

    void forget(StreamName stream) {
        balance.forget(stream);
        statement.forget(stream);
        transfers.forget(stream);
        orders.forget(stream);
        stock.forget(stream);
    }

    @Override
    public void close() {
        projections().forEach(LiveProjection::close);
    }

    private static JsonNode balance(Balance b) {
        return JSON.createObjectNode()
                .put("accountId", b.accountId())
                .put("owner", b.owner())
                .put("balance", b.balance())
                .put("status", b.status())
                .put("version", b.version());
    }

    private static JsonNode statement(Statement s) {
        ObjectNode out = JSON.createObjectNode().put("accountId", s.accountId());
        ArrayNode entries = out.putArray("entries");
        for (Statement.Entry e : s.entries()) {
            entries.addObject()
                    .put("version", e.version())
                    .put("type", e.type())
                    .put("amount", e.amount())
                    .put("balanceAfter", e.balanceAfter())
                    .put("at", RFC_3339_MILLIS.format(e.at()));
        }
        return out;
    }

    private static JsonNode transfer(TransferSummary t) {
        ObjectNode out = JSON.createObjectNode()
                .put("transferId", t.transferId())
                .put("status", t.status())
                .put("from", t.from())
                .put("to", t.to())
                .put("amount", t.amount());
        t.reason().ifPresent(reason -> out.put("reason", reason));
        return out;
    }

    private static JsonNode stock(StockLevel s) {
        return JSON.createObjectNode()
                .put("productId", s.productId())
                .put("available", s.available())
                .put("reserved", s.reserved());
    }
}
