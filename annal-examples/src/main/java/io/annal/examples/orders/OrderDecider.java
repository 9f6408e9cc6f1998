package io.annal.examples.orders;

import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.examples.orders.OrderCommand.AddItem;
import io.annal.examples.orders.OrderCommand.ConfirmOrder;
import io.annal.examples.orders.OrderCommand.CreateOrder;
import io.annal.examples.orders.OrderCommand.MarkReadyToShip;
import io.annal.examples.orders.OrderCommand.RejectOrder;
import io.annal.examples.orders.OrderCommand.RemoveItem;
import io.annal.examples.orders.OrderCommand.ShipOrder;
import io.annal.examples.orders.OrderEvent.ItemAdded;
import io.annal.examples.orders.OrderEvent.ItemRemoved;
import io.annal.examples.orders.OrderEvent.OrderConfirmed;
import io.annal.examples.orders.OrderEvent.OrderCreated;
import io.annal.examples.orders.OrderEvent.OrderReadyToShip;
import io.annal.examples.orders.OrderEvent.OrderRejected;
import io.annal.examples.orders.OrderEvent.OrderShipped;
import io.annal.examples.orders.OrderState.NoOrder;
import io.annal.examples.orders.OrderState.Order;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One order, stream {@code order-{orderId}}. Quantities are positive; prices are unit prices in
 * minor units, zero or more. An order can be changed only while {@code created}.
 *
 * <p>Rejection codes:
 *
 * <ul>
 *   <li>{@code order-exists}: creating an order that was created before
 *   <li>{@code order-not-found}: any other command before the order is created
 *   <li>{@code invalid-quantity}: a quantity of zero or less, in a new order, an added or a removed
 *       item
 *   <li>{@code invalid-price}: a negative price
 *   <li>{@code duplicate-item}: creating an order that lists a product twice
 *   <li>{@code price-mismatch}: adding more of a product at another price than its line's
 *   <li>{@code item-not-in-order}: removing a product the order does not hold
 *   <li>{@code quantity-exceeds-item}: removing more of a product than the order holds
 *   <li>{@code order-not-editable}: adding, removing or confirming once the order is confirmed
 *   <li>{@code empty-order}: confirming an order without items
 *   <li>{@code order-not-confirmed}: marking ready to ship or rejecting an order that is not
 *       waiting for its stock
 *   <li>{@code order-not-ready}: shipping an order that is not ready to ship
 *   <li>{@code order-already-shipped}: shipping an order twice
 *   <li>{@code invalid-shipment}: shipping without a carrier or tracking number
 * </ul>
 */
public final class OrderDecider implements Decider<OrderCommand, OrderEvent, OrderState> {

    private OrderDecider() {}

    public static OrderDecider create() {
        return new OrderDecider();
    }

    @Override
    public OrderState initialState() {
        return OrderState.initial();
    }

    @Override
    public Decision<OrderEvent> decide(OrderCommand command, OrderState state) {
        if (command instanceof CreateOrder create) {
            return create(create, state);
        }
        if (!(state instanceof Order order)) {
            return Decision.reject("order-not-found", "order " + command.orderId() + " does not exist");
        }
        return switch (command) {
            case CreateOrder create -> create(create, state);
            case AddItem add -> addItem(add, order);
            case RemoveItem remove -> removeItem(remove, order);
            case ConfirmOrder confirm -> confirm(order);
            case MarkReadyToShip ready -> whenConfirmed(order, new OrderReadyToShip());
            case RejectOrder reject -> whenConfirmed(order, new OrderRejected(reject.reason()));
            case ShipOrder ship -> ship(ship, order);
        };
    }

    private static Decision<OrderEvent> create(CreateOrder command, OrderState state) {
        if (!(state instanceof NoOrder)) {
            return Decision.reject("order-exists", "order " + command.orderId() + " was created before");
        }
        Set<String> products = new HashSet<>();
        for (OrderLine line : command.items()) {
            var invalid = invalidLine(line.quantity(), line.price());
            if (invalid.isPresent()) {
                return invalid.get();
            }
            if (!products.add(line.productId())) {
                return Decision.reject(
                        "duplicate-item", "list product " + line.productId() + " once, with its whole quantity");
            }
        }
        return Decision.accept(new OrderCreated(command.orderId(), command.customerId(), command.items()));
    }

    private static Decision<OrderEvent> addItem(AddItem command, Order order) {
        var invalid = invalidLine(command.quantity(), command.price());
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (order.status() != OrderStatus.CREATED) {
            return notEditable(order);
        }
        var existing = order.line(command.productId());
        if (existing.isPresent() && existing.get().price() != command.price()) {
            return Decision.reject(
                    "price-mismatch",
                    "product " + command.productId() + " is in the order at "
                            + existing.get().price() + ", not " + command.price());
        }
        return Decision.accept(new ItemAdded(command.productId(), command.quantity(), command.price()));
    }

    private static Decision<OrderEvent> removeItem(RemoveItem command, Order order) {
        if (command.quantity() <= 0) {
            return invalidQuantity(command.quantity());
        }
        if (order.status() != OrderStatus.CREATED) {
            return notEditable(order);
        }
        var line = order.line(command.productId());
        if (line.isEmpty()) {
            return Decision.reject("item-not-in-order", "order " + order.orderId() + " has no " + command.productId());
        }
        if (command.quantity() > line.get().quantity()) {
            return Decision.reject(
                    "quantity-exceeds-item",
                    "cannot remove " + command.quantity() + " of " + command.productId() + ": the order holds "
                            + line.get().quantity());
        }
        return Decision.accept(new ItemRemoved(
                command.productId(), command.quantity(), line.get().price()));
    }

    private static Decision<OrderEvent> confirm(Order order) {
        if (order.status() != OrderStatus.CREATED) {
            return notEditable(order);
        }
        if (order.lines().isEmpty()) {
            return Decision.reject("empty-order", "add items to order " + order.orderId() + " before confirming it");
        }
        return Decision.accept(new OrderConfirmed());
    }

    private static Decision<OrderEvent> whenConfirmed(Order order, OrderEvent outcome) {
        if (order.status() != OrderStatus.CONFIRMED) {
            return Decision.reject(
                    "order-not-confirmed", "order " + order.orderId() + " is " + order.status() + ", not confirmed");
        }
        return Decision.accept(outcome);
    }

    private static Decision<OrderEvent> ship(ShipOrder command, Order order) {
        if (command.carrier().isBlank() || command.trackingNumber().isBlank()) {
            return Decision.reject("invalid-shipment", "a shipment needs a carrier and a tracking number");
        }
        return switch (order.status()) {
            case READY_TO_SHIP -> Decision.accept(new OrderShipped(command.carrier(), command.trackingNumber()));
            case SHIPPED -> Decision.reject("order-already-shipped", "order " + order.orderId() + " has shipped");
            case CREATED, CONFIRMED, REJECTED ->
                Decision.reject(
                        "order-not-ready",
                        "order " + order.orderId() + " is " + order.status() + ", not ready-to-ship");
        };
    }

    private static Optional<Decision<OrderEvent>> invalidLine(long quantity, long price) {
        if (quantity <= 0) {
            return Optional.of(invalidQuantity(quantity));
        }
        if (price < 0) {
            return Optional.of(Decision.reject("invalid-price", "a price is zero or more minor units, not " + price));
        }
        return Optional.empty();
    }

    private static Decision<OrderEvent> invalidQuantity(long quantity) {
        return Decision.reject("invalid-quantity", "a quantity must be positive, not " + quantity);
    }

    private static Decision<OrderEvent> notEditable(Order order) {
        return Decision.reject(
                "order-not-editable",
                "order " + order.orderId() + " is " + order.status() + "; only a created order can change");
    }

    @Override
    public OrderState evolve(OrderState state, OrderEvent event) {
        if (event instanceof OrderCreated created) {
            return new Order(created.orderId(), created.customerId(), OrderStatus.CREATED, created.items());
        }
        if (!(state instanceof Order order)) {
            throw new IllegalStateException(event + " cannot come before OrderCreated: the stream is out of order");
        }
        return switch (event) {
            case OrderCreated created -> order;
            case ItemAdded added -> order.plus(added.productId(), added.quantity(), added.price());
            case ItemRemoved removed -> order.minus(removed.productId(), removed.quantity());
            case OrderConfirmed confirmed -> order.withStatus(OrderStatus.CONFIRMED);
            case OrderReadyToShip ready -> order.withStatus(OrderStatus.READY_TO_SHIP);
            case OrderRejected rejected -> order.withStatus(OrderStatus.REJECTED);
            case OrderShipped shipped -> order.withStatus(OrderStatus.SHIPPED);
        };
    }

    @Override
    public boolean isTerminal(OrderState state) {
        return state instanceof Order order
                && (order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.REJECTED);
    }
}
