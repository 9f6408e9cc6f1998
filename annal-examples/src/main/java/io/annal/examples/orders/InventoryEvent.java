package io.annal.examples.orders;

import java.util.Objects;

/** What happened to one product's stock. */
public sealed interface InventoryEvent extends OrdersEvent {

    String productId();

    record StockAdded(String productId, long quantity) implements InventoryEvent {
        public StockAdded {
            Objects.requireNonNull(productId, "productId");
        }
    }

    record StockReserved(String productId, String orderId, long quantity) implements InventoryEvent {
        public StockReserved {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    record StockReleased(String productId, String orderId, long quantity) implements InventoryEvent {
        public StockReleased {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }
}
