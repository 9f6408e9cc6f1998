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
import io.annal.projection.jdbc.RowChange;
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
    private static final List<String> ITEM_KEY = List.of("order_key", "product_id");
    private static final String COLUMNS = "order_id, customer_id, status, item_count, total, carrier, tracking_number";

    private OrderReadModel() {}

    public static Projection<JdbcContext> projection() {
        return Projection.of("orders", 2, EventFilter.streamPrefixes("order-"), new OrderReadModel());
    }

    @Override
    public void prepare(JdbcContext context) throws SQLException {
        Connection c = context.connection();
        Sql.update(
                c,
                "CREATE TABLE " + context.table("orders") + " (order_key VARCHAR(200) PRIMARY KEY,"
                        + " order_id VARCHAR(200) NOT NULL DEFAULT '', customer_id VARCHAR(200) NOT NULL DEFAULT '',"
                        + " status VARCHAR(20) NOT NULL DEFAULT 'created', item_count BIGINT NOT NULL DEFAULT 0,"
                        + " total BIGINT NOT NULL DEFAULT 0, carrier TEXT, tracking_number TEXT)");
        Sql.update(
                c,
                "CREATE INDEX " + context.name("orders_customer") + " ON " + context.table("orders")
                        + " (customer_id)");
        Sql.update(
                c,
                "CREATE TABLE " + context.table("order_items") + " (order_key VARCHAR(200) NOT NULL,"
                        + " product_id VARCHAR(200) NOT NULL, quantity BIGINT NOT NULL DEFAULT 0,"
                        + " PRIMARY KEY (order_key, product_id))");
    }

    @Override
    public void handle(JdbcContext context, RecordedEvent event) throws SQLException {
        String key = Sql.idOf(event.stream());
        RowChange order = context.change(context.table("orders"), "order_key", key);
        switch (CODEC.decodeEvent(event)) {
            case OrderCreated created -> {
                order.set("order_id", created.orderId())
                        .set("customer_id", created.customerId())
                        .set("status", OrderStatus.CREATED.code())
                        .set(
                                "item_count",
                                created.items().stream()
                                        .mapToLong(OrderLine::quantity)
                                        .sum())
                        .set(
                                "total",
                                created.items().stream()
                                        .mapToLong(OrderLine::total)
                                        .sum());
                for (OrderLine line : created.items()) {
                    changeItem(context, key, line.productId(), line.quantity());
                }
            }
            case ItemAdded added -> {
                order.add("item_count", added.quantity())
                        .add("total", Math.multiplyExact(added.quantity(), added.price()));
                changeItem(context, key, added.productId(), added.quantity());
            }
            case ItemRemoved removed -> {
                order.add("item_count", -removed.quantity())
                        .add("total", -Math.multiplyExact(removed.quantity(), removed.price()));
                changeItem(context, key, removed.productId(), -removed.quantity());
            }
            case OrderConfirmed confirmed -> order.set("status", OrderStatus.CONFIRMED.code());
            case OrderReadyToShip ready -> order.set("status", OrderStatus.READY_TO_SHIP.code());
            case OrderRejected rejected -> order.set("status", OrderStatus.REJECTED.code());
            case OrderShipped shipped ->
                order.set("status", OrderStatus.SHIPPED.code())
                        .set("carrier", shipped.carrier())
                        .set("tracking_number", shipped.trackingNumber());
        }
    }

    /** A product's units in an order; a row left at zero stays, and queries skip it (no delete per event). */
    private static void changeItem(JdbcContext context, String key, String productId, long units) throws SQLException {
        context.change(context.table("order_items"), ITEM_KEY, List.of(key, productId))
                .add("quantity", units);
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
            sql.append(
                    " AND (LOWER(o.customer_id) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM order_items i"
                            + " WHERE i.order_key = o.order_key AND i.quantity > 0 AND LOWER(i.product_id) LIKE ? ESCAPE '\\'))");
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
