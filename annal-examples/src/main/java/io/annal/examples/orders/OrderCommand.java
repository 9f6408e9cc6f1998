package io.annal.examples.orders;

import java.util.List;
import java.util.Objects;

/**
 * What can be asked of one order. Customers create, change, confirm and ship it; the fulfilment
 * process marks it ready to ship or rejects it once it has tried to reserve the stock.
 */
public sealed interface OrderCommand {

    String orderId();

    record CreateOrder(String orderId, String customerId, List<OrderLine> items) implements OrderCommand {
        public CreateOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            items = List.copyOf(items);
        }
    }

    /** Adds {@code quantity} of a product at a unit {@code price} (in minor units). */
    record AddItem(String orderId, String productId, long quantity, long price) implements OrderCommand {
        public AddItem {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(productId, "productId");
        }
    }

    record RemoveItem(String orderId, String productId, long quantity) implements OrderCommand {
        public RemoveItem {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(productId, "productId");
        }
    }

    record ConfirmOrder(String orderId) implements OrderCommand {
        public ConfirmOrder {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Sent by the fulfilment process when every line's stock is reserved. */
    record MarkReadyToShip(String orderId) implements OrderCommand {
        public MarkReadyToShip {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Sent by the fulfilment process when some stock could not be reserved. */
    record RejectOrder(String orderId, String reason) implements OrderCommand {
        public RejectOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record ShipOrder(String orderId, String carrier, String trackingNumber) implements OrderCommand {
        public ShipOrder {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }
}
