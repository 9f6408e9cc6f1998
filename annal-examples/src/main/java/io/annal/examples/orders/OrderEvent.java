package io.annal.examples.orders;

import java.util.List;
import java.util.Objects;

/** What happened to one order, in the shapes of the HTTP API's reference domain. */
public sealed interface OrderEvent extends OrdersEvent {

    record OrderCreated(String orderId, String customerId, List<OrderLine> items) implements OrderEvent {
        public OrderCreated {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            items = List.copyOf(items);
        }
    }

    record ItemAdded(String productId, long quantity, long price) implements OrderEvent {
        public ItemAdded {
            Objects.requireNonNull(productId, "productId");
        }
    }

    /** Carries the line's unit price so that readers can adjust totals without the order's history. */
    record ItemRemoved(String productId, long quantity, long price) implements OrderEvent {
        public ItemRemoved {
            Objects.requireNonNull(productId, "productId");
        }
    }

    record OrderConfirmed() implements OrderEvent {}

    record OrderReadyToShip() implements OrderEvent {}

    record OrderRejected(String reason) implements OrderEvent {
        public OrderRejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record OrderShipped(String carrier, String trackingNumber) implements OrderEvent {
        public OrderShipped {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
        }
    }
}
