package io.annal.readmodels;

import io.annal.codec.EventCodec;
import io.annal.examples.orders.OrderEvent;
import io.annal.examples.orders.OrderEvent.ItemAdded;
import io.annal.examples.orders.OrderEvent.ItemRemoved;
import io.annal.examples.orders.OrderEvent.OrderConfirmed;
import io.annal.examples.orders.OrderEvent.OrderCreated;
import io.annal.examples.orders.OrderEvent.OrderReadyToShip;
import io.annal.examples.orders.OrderEvent.OrderRejected;
import io.annal.examples.orders.OrderEvent.OrderShipped;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrderStatus;
import io.annal.examples.orders.OrderSummary;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /queries/orders/{orderId}} and the order search {@code GET /queries/orders?customerId=
 * &status=&q=}: a row per order, and the products each order holds, which the search matches with
 * a case-insensitive {@code LIKE} per word of the text (full text comes with the search module).
 */
public final class OrderReadModel implements ProjectionHandler<JdbcContext> {

    private static final EventCodec<OrderEvent> CODEC = OrdersCodecs.orders();
    private static final String COLUMNS = "order_id, customer_id, status, item_count, total, carrier, tracking_number";

    private OrderReadModel() {}

    public static Projection<JdbcContext> projection() {
        return Projection.of("orders", 1, EventFilter.streamPrefixes("order-"), new OrderReadModel());
    }

    @Override
    public void prepare(JdbcContext context) throws SQLException {
        Connection c = context.connection();
        Sql.update(
                c,
                "CREATE TABLE " + context.table("orders") + " (order_key VARCHAR(200) PRIMARY KEY,"
                        + " order_id VARCHAR(200) NOT NULL, customer_id VARCHAR(200) NOT NULL,"
                        + " status VARCHAR(20) NOT NULL, item_count BIGINT NOT NULL, total BIGINT NOT NULL,"
                        + " carrier TEXT, tracking_number TEXT)");
        Sql.update(
                c,
                "CREATE INDEX " + context.name("orders_customer") + " ON " + context.table("orders")
                        + " (customer_id)");
        Sql.update(
                c,
                "CREATE TABLE " + context.table("order_items") + " (order_key VARCHAR(200) NOT NULL,"
                        + " product_id VARCHAR(200) NOT NULL, quantity BIGINT NOT NULL,"
                        + " PRIMARY KEY (order_key, product_id))");
    }

    @Override
    public void handle(JdbcContext context, RecordedEvent event) throws SQLException {
        Connection c = context.connection();
        String orders = context.table("orders");
        String key = Sql.idOf(event.stream());
        switch (CODEC.decodeEvent(event)) {
            case OrderCreated created -> {
                Sql.update(
                        c,
                        "INSERT INTO " + orders + " (order_key, order_id, customer_id, status, item_count, total)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        key,
                        created.orderId(),
                        created.customerId(),
                        OrderStatus.CREATED.code(),
                        created.items().stream().mapToLong(OrderLine::quantity).sum(),
                        created.items().stream().mapToLong(OrderLine::total).sum());
                for (OrderLine line : created.items()) {
                    changeItem(context, key, line.productId(), line.quantity());
                }
            }
            case ItemAdded added -> {
                changeTotals(c, orders, key, added.quantity(), Math.multiplyExact(added.quantity(), added.price()));
                changeItem(context, key, added.productId(), added.quantity());
            }
            case ItemRemoved removed -> {
                changeTotals(
                        c, orders, key, -removed.quantity(), -Math.multiplyExact(removed.quantity(), removed.price()));
                changeItem(context, key, removed.productId(), -removed.quantity());
            }
            case OrderConfirmed confirmed -> status(c, orders, key, OrderStatus.CONFIRMED);
            case OrderReadyToShip ready -> status(c, orders, key, OrderStatus.READY_TO_SHIP);
            case OrderRejected rejected -> status(c, orders, key, OrderStatus.REJECTED);
            case OrderShipped shipped ->
                Sql.update(
                        c,
                        "UPDATE " + orders + " SET status = ?, carrier = ?, tracking_number = ? WHERE order_key = ?",
                        OrderStatus.SHIPPED.code(),
                        shipped.carrier(),
                        shipped.trackingNumber(),
                        key);
        }
    }

    private static void status(Connection c, String orders, String key, OrderStatus status) throws SQLException {
        Sql.update(c, "UPDATE " + orders + " SET status = ? WHERE order_key = ?", status.code(), key);
    }

    private static void changeTotals(Connection c, String orders, String key, long units, long amount)
            throws SQLException {
        Sql.update(
                c,
                "UPDATE " + orders + " SET item_count = item_count + ?, total = total + ? WHERE order_key = ?",
                units,
                amount,
                key);
    }

    private static void changeItem(JdbcContext context, String key, String productId, long units) throws SQLException {
        String items = context.table("order_items");
        Sql.update(
                context.connection(),
                "INSERT INTO " + items + " (order_key, product_id, quantity) VALUES (?, ?, ?)"
                        + " ON CONFLICT (order_key, product_id) DO UPDATE SET quantity = " + items
                        + ".quantity + excluded.quantity",
                key,
                productId,
                units);
        Sql.update(context.connection(), "DELETE FROM " + items + " WHERE order_key = ? AND quantity <= 0", key);
    }

    public static Optional<OrderSummary> find(JdbcReadModels models, String orderId) {
        return models.query(c -> find(c, orderId));
    }

    public static List<OrderSummary> search(
            JdbcReadModels models, Optional<String> customerId, Optional<String> status, Optional<String> text) {
        return models.query(c -> search(c, customerId, status, text));
    }

    public static Optional<OrderSummary> find(Connection c, String orderId) throws SQLException {
        return Sql.select(c, "SELECT " + COLUMNS + " FROM orders WHERE order_key = ?", OrderReadModel::summary, orderId)
                .stream()
                .findFirst();
    }

    /**
     * Orders matching every criterion given: the customer exactly, the status exactly, and {@code
     * text}: each of its words anywhere in the customer id or in a product id the order holds,
     * ignoring case.
     */
    public static List<OrderSummary> search(
            Connection c, Optional<String> customerId, Optional<String> status, Optional<String> text)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM orders o WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        customerId.ifPresent(id -> {
            sql.append(" AND o.customer_id = ?");
            arguments.add(id);
        });
        status.ifPresent(s -> {
            sql.append(" AND o.status = ?");
            arguments.add(s);
        });
        for (String word : words(text)) {
            String pattern =
                    "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (LOWER(o.customer_id) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM order_items i"
                    + " WHERE i.order_key = o.order_key AND LOWER(i.product_id) LIKE ? ESCAPE '\\'))");
            arguments.add(pattern);
            arguments.add(pattern);
        }
        sql.append(" ORDER BY o.order_id");
        return Sql.select(c, sql.toString(), OrderReadModel::summary, arguments.toArray());
    }

    /** The words of a search text, lower-case: each must match the customer or a product. */
    public static List<String> words(Optional<String> text) {
        return text.map(t -> t.toLowerCase(java.util.Locale.ROOT).trim())
                .filter(t -> !t.isEmpty())
                .map(t -> List.of(t.split("\\s+")))
                .orElse(List.of());
    }

    private static OrderSummary summary(ResultSet r) throws SQLException {
        return new OrderSummary(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getLong(4),
                r.getLong(5),
                Optional.ofNullable(r.getString(6)),
                Optional.ofNullable(r.getString(7)));
    }
}
