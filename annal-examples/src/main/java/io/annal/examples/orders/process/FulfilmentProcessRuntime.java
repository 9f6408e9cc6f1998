package io.annal.examples.orders.process;

import io.annal.codec.EventCodec;
import io.annal.command.CommandHandler;
import io.annal.examples.orders.InventoryCommand;
import io.annal.examples.orders.OrderCommand;
import io.annal.examples.orders.OrderState;
import io.annal.process.CommandRouter;
import io.annal.process.Correlated;
import io.annal.process.ProcessRuntime;
import io.annal.process.ProcessRuntimeBuilder;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import java.util.List;
import java.util.Optional;

/**
 * Wires the {@link FulfilmentProcess} to a store: on each {@code OrderConfirmed} of an {@code
 * order-} stream it reads the order's lines as of that event and starts the process for that
 * order id; its commands go to the order and inventory handlers.
 */
public final class FulfilmentProcessRuntime {

    /** The process manager's name: its streams are {@code $process-fulfilment-<orderId>}. */
    public static final String NAME = "fulfilment";

    private static final String ORDER_PREFIX = "order-";

    private FulfilmentProcessRuntime() {}

    /** The codec of the process's input, as kept in its stream. */
    public static EventCodec<FulfilmentRequested> codec() {
        return EventCodec.builder(FulfilmentRequested.class)
                .register(FulfilmentRequested.class, "FulfilmentRequested", 1)
                .build();
    }

    /** A runtime to finish configuring (clock, hooks) and build. */
    public static ProcessRuntimeBuilder<FulfilmentRequested, FulfilmentState, Object> builder(
            EventStore store,
            CommandHandler<OrderCommand, ?, OrderState> orders,
            CommandHandler<InventoryCommand, ?, ?> inventory) {
        CommandRouter<Object> router = CommandRouter.builder()
                .route(OrderCommand.class, orders)
                .route(InventoryCommand.class, inventory)
                .build();
        return ProcessRuntime.builder(NAME, FulfilmentProcess.create(), store, codec())
                .follow(List.of(ORDER_PREFIX), event -> correlate(event, orders))
                .commands(router);
    }

    /** The order's lines as of the confirmation itself, so a replay later reads the same lines. */
    private static Optional<Correlated<FulfilmentRequested>> correlate(
            RecordedEvent event, CommandHandler<OrderCommand, ?, OrderState> orders) {
        if (!event.type().equals("OrderConfirmed")) {
            return Optional.empty();
        }
        OrderState state = orders.loadAtVersion(event.stream(), event.version()).state();
        if (!(state instanceof OrderState.Order order)) {
            return Optional.empty();
        }
        return Optional.of(Correlated.of(order.orderId(), new FulfilmentRequested(order.orderId(), order.lines())));
    }
}
