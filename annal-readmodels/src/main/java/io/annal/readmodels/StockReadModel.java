package io.annal.readmodels;

import io.annal.codec.EventCodec;
import io.annal.examples.orders.InventoryEvent;
import io.annal.examples.orders.InventoryEvent.StockAdded;
import io.annal.examples.orders.InventoryEvent.StockReleased;
import io.annal.examples.orders.InventoryEvent.StockReserved;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.examples.orders.StockLevel;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** {@code GET /queries/stock/{productId}}: available and reserved units per product. */
public final class StockReadModel implements ProjectionHandler<JdbcContext> {

    private static final EventCodec<InventoryEvent> CODEC = OrdersCodecs.inventory();

    private StockReadModel() {}

    public static Projection<JdbcContext> projection() {
        return Projection.of("stock", 2, EventFilter.streamPrefixes("inventory-"), new StockReadModel());
    }

    @Override
    public void prepare(JdbcContext context) throws SQLException {
        Sql.update(
                context.connection(),
                "CREATE TABLE " + context.table("stock") + " (product_id VARCHAR(200) PRIMARY KEY,"
                        + " available BIGINT NOT NULL DEFAULT 0, reserved BIGINT NOT NULL DEFAULT 0)");
    }

    @Override
    public void handle(JdbcContext context, RecordedEvent event) throws SQLException {
        InventoryEvent decoded = CODEC.decodeEvent(event);
        long quantity = switch (decoded) {
            case StockAdded added -> added.quantity();
            case StockReserved reserved -> reserved.quantity();
            case StockReleased released -> released.quantity();
        };
        long toAvailable = switch (decoded) {
            case StockAdded added -> quantity;
            case StockReserved reserved -> -quantity;
            case StockReleased released -> quantity;
        };
        long toReserved = decoded instanceof StockAdded ? 0 : -toAvailable;
        context.change(context.table("stock"), "product_id", decoded.productId())
                .add("available", toAvailable)
                .add("reserved", toReserved);
    }

    public static Optional<StockLevel> find(JdbcReadModels models, String productId) {
        return models.query(c -> find(c, productId));
    }

    public static Optional<StockLevel> find(Connection c, String productId) throws SQLException {
        return Sql.select(
                        c,
                        "SELECT product_id, available, reserved FROM stock WHERE product_id = ?",
                        r -> new StockLevel(r.getString(1), r.getLong(2), r.getLong(3)),
                        productId)
                .stream()
                .findFirst();
    }
}
