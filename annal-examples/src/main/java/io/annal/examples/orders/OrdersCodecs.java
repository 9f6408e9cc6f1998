package io.annal.examples.orders;

import io.annal.codec.EventCodec;
import io.annal.examples.orders.InventoryEvent.StockAdded;
import io.annal.examples.orders.InventoryEvent.StockReleased;
import io.annal.examples.orders.InventoryEvent.StockReserved;
import io.annal.examples.orders.OrderEvent.ItemAdded;
import io.annal.examples.orders.OrderEvent.ItemRemoved;
import io.annal.examples.orders.OrderEvent.OrderConfirmed;
import io.annal.examples.orders.OrderEvent.OrderCreated;
import io.annal.examples.orders.OrderEvent.OrderReadyToShip;
import io.annal.examples.orders.OrderEvent.OrderRejected;
import io.annal.examples.orders.OrderEvent.OrderShipped;

/**
 * The stored names of the orders domain's events. They are the HTTP API's names and must never
 * change; a new shape is a new schema version with an upcaster.
 */
public final class OrdersCodecs {

    private OrdersCodecs() {}

    /** For an order's stream. */
    public static EventCodec<OrderEvent> orders() {
        EventCodec.Builder<OrderEvent> builder = EventCodec.builder(OrderEvent.class);
        registerOrderEvents(builder);
        return builder.build();
    }

    /** For a product's inventory stream. */
    public static EventCodec<InventoryEvent> inventory() {
        EventCodec.Builder<InventoryEvent> builder = EventCodec.builder(InventoryEvent.class);
        registerInventoryEvents(builder);
        return builder.build();
    }

    /** For readers of both, such as the fulfilment process and projections over all events. */
    public static EventCodec<OrdersEvent> all() {
        EventCodec.Builder<OrdersEvent> builder = EventCodec.builder(OrdersEvent.class);
        registerOrderEvents(builder);
        registerInventoryEvents(builder);
        return builder.build();
    }

    private static void registerOrderEvents(EventCodec.Builder<? super OrderEvent> builder) {
        builder.register(OrderCreated.class, "OrderCreated", 1)
                .register(ItemAdded.class, "ItemAdded", 1)
                .register(ItemRemoved.class, "ItemRemoved", 1)
                .register(OrderConfirmed.class, "OrderConfirmed", 1)
                .register(OrderReadyToShip.class, "OrderReadyToShip", 1)
                .register(OrderRejected.class, "OrderRejected", 1)
                .register(OrderShipped.class, "OrderShipped", 1);
    }

    private static void registerInventoryEvents(EventCodec.Builder<? super InventoryEvent> builder) {
        builder.register(StockAdded.class, "StockAdded", 1)
                .register(StockReserved.class, "StockReserved", 1)
                .register(StockReleased.class, "StockReleased", 1);
    }
}
