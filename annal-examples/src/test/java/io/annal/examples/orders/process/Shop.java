package io.annal.examples.orders.process;

import io.annal.command.CommandHandler;
import io.annal.command.CommandResult;
import io.annal.examples.orders.InventoryCommand;
import io.annal.examples.orders.InventoryDecider;
import io.annal.examples.orders.InventoryEvent;
import io.annal.examples.orders.InventoryState;
import io.annal.examples.orders.OrderCommand;
import io.annal.examples.orders.OrderDecider;
import io.annal.examples.orders.OrderEvent;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrderState;
import io.annal.examples.orders.OrderStatus;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.examples.process.CodecMapper;
import io.annal.process.CommandRouter;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.StreamNotFoundException;
import java.util.List;
import java.util.Optional;

/** The order and inventory handlers on one store, and what tests read back from it. */
final class Shop {

    final EventStore store;
    final CommandHandler<OrderCommand, OrderEvent, OrderState> orders;
    final CommandHandler<InventoryCommand, InventoryEvent, InventoryState> inventory;

    Shop(EventStore store) {
        this.store = store;
        this.orders = CommandHandler.builder(
                        OrderDecider.create(),
                        store,
                        CodecMapper.of(OrdersCodecs.orders()),
                        (OrderCommand c) -> order(c.orderId()))
                .cacheSize(0)
                .build();
        this.inventory = CommandHandler.builder(
                        InventoryDecider.create(),
                        store,
                        CodecMapper.of(OrdersCodecs.inventory()),
                        (InventoryCommand c) -> product(c.productId()))
                .cacheSize(0)
                .build();
    }

    static StreamName order(String id) {
        return StreamName.of("order-" + id);
    }

    static StreamName product(String id) {
        return StreamName.of("inventory-" + id);
    }

    CommandRouter<Object> router() {
        return CommandRouter.builder()
                .route(OrderCommand.class, orders)
                .route(InventoryCommand.class, inventory)
                .build();
    }

    void stock(String productId, long quantity) {
        accept(inventory.handle(new InventoryCommand.AddStock(productId, quantity)));
    }

    void placeAndConfirm(String orderId, OrderLine... lines) {
        accept(orders.handle(new OrderCommand.CreateOrder(orderId, "c-1", List.of(lines))));
        accept(orders.handle(new OrderCommand.ConfirmOrder(orderId)));
    }

    Optional<OrderStatus> status(String orderId) {
        return orders.load(order(orderId)).state() instanceof OrderState.Order order
                ? Optional.of(order.status())
                : Optional.empty();
    }

    InventoryState stockOf(String productId) {
        return inventory.load(product(productId)).state();
    }

    List<RecordedEvent> events(StreamName stream) {
        try {
            return store.readStream(stream, 0, Direction.FORWARD, 4096).events();
        } catch (StreamNotFoundException e) {
            return List.of();
        }
    }

    List<String> types(StreamName stream) {
        return events(stream).stream().map(RecordedEvent::type).toList();
    }

    private static void accept(CommandResult result) {
        if (!(result instanceof CommandResult.Accepted)) {
            throw new AssertionError("the test's setup was refused: " + result);
        }
    }
}
