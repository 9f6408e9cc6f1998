package io.annal.examples.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An order as its decider sees it: not created yet, or an order with a status and lines. */
public sealed interface OrderState {

    static OrderState initial() {
        return new NoOrder();
    }

    record NoOrder() implements OrderState {}

    /** An order; {@code lines} holds one line per product, in the order they were first added. */
    record Order(String orderId, String customerId, OrderStatus status, List<OrderLine> lines) implements OrderState {

        public Order {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(status, "status");
            lines = List.copyOf(lines);
        }

        public Optional<OrderLine> line(String productId) {
            return lines.stream()
                    .filter(line -> line.productId().equals(productId))
                    .findFirst();
        }

        Order withStatus(OrderStatus next) {
            return new Order(orderId, customerId, next, lines);
        }

        Order plus(String productId, long quantity, long price) {
            List<OrderLine> changed = new ArrayList<>();
            boolean merged = false;
            for (OrderLine line : lines) {
                if (line.productId().equals(productId)) {
                    changed.add(new OrderLine(productId, line.quantity() + quantity, line.price()));
                    merged = true;
                } else {
                    changed.add(line);
                }
            }
            if (!merged) {
                changed.add(new OrderLine(productId, quantity, price));
            }
            return new Order(orderId, customerId, status, changed);
        }

        Order minus(String productId, long quantity) {
            List<OrderLine> changed = new ArrayList<>();
            for (OrderLine line : lines) {
                long left = line.productId().equals(productId) ? line.quantity() - quantity : line.quantity();
                if (left > 0) {
                    changed.add(new OrderLine(line.productId(), left, line.price()));
                }
            }
            return new Order(orderId, customerId, status, changed);
        }
    }
}
