package io.annal.examples.orders;

import io.annal.domain.View;
import io.annal.examples.orders.OrderEvent.ItemAdded;
import io.annal.examples.orders.OrderEvent.ItemRemoved;
import io.annal.examples.orders.OrderEvent.OrderConfirmed;
import io.annal.examples.orders.OrderEvent.OrderCreated;
import io.annal.examples.orders.OrderEvent.OrderReadyToShip;
import io.annal.examples.orders.OrderEvent.OrderRejected;
import io.annal.examples.orders.OrderEvent.OrderShipped;
import java.util.Optional;

/** Folds an order's events into its {@link OrderSummary}. */
public final class OrderSummaryView implements View<OrderEvent, OrderSummary> {

    private OrderSummaryView() {}

    public static OrderSummaryView create() {
        return new OrderSummaryView();
    }

    @Override
    public OrderSummary initialState() {
        return OrderSummary.none();
    }

    @Override
    public OrderSummary evolve(OrderSummary state, OrderEvent event) {
        return switch (event) {
            case OrderCreated created ->
                new OrderSummary(
                        created.orderId(),
                        created.customerId(),
                        OrderStatus.CREATED.code(),
                        created.items().stream().mapToLong(OrderLine::quantity).sum(),
                        created.items().stream().mapToLong(OrderLine::total).sum(),
                        Optional.empty(),
                        Optional.empty());
            case ItemAdded added ->
                state.withItems(added.quantity(), Math.multiplyExact(added.quantity(), added.price()));
            case ItemRemoved removed ->
                state.withItems(-removed.quantity(), -Math.multiplyExact(removed.quantity(), removed.price()));
            case OrderConfirmed confirmed -> state.withStatus(OrderStatus.CONFIRMED);
            case OrderReadyToShip ready -> state.withStatus(OrderStatus.READY_TO_SHIP);
            case OrderRejected rejected -> state.withStatus(OrderStatus.REJECTED);
            case OrderShipped shipped ->
                new OrderSummary(
                        state.orderId(),
                        state.customerId(),
                        OrderStatus.SHIPPED.code(),
                        state.itemCount(),
                        state.total(),
                        Optional.of(shipped.carrier()),
                        Optional.of(shipped.trackingNumber()));
        };
    }
}
