package io.annal.examples.orders;

import java.util.Objects;

/** What can be asked of one product's stock. Reservations belong to an order. */
public sealed interface InventoryCommand {

    String productId();

    record AddStock(String productId, long quantity) implements InventoryCommand {
        public AddStock {
            Objects.requireNonNull(productId, "productId");
        }
    }

    record ReserveStock(String productId, String orderId, long quantity) implements InventoryCommand {
        public ReserveStock {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Gives back everything reserved for the order. */
    record ReleaseStock(String productId, String orderId) implements InventoryCommand {
        public ReleaseStock {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }
}
