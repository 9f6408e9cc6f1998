package io.annal.examples.orders;

import io.annal.domain.Decider;
import io.annal.domain.Decision;
import io.annal.examples.orders.InventoryCommand.AddStock;
import io.annal.examples.orders.InventoryCommand.ReleaseStock;
import io.annal.examples.orders.InventoryCommand.ReserveStock;
import io.annal.examples.orders.InventoryEvent.StockAdded;
import io.annal.examples.orders.InventoryEvent.StockReleased;
import io.annal.examples.orders.InventoryEvent.StockReserved;

/**
 * One product's stock, stream {@code inventory-{productId}}. Stock is added, reserved for an
 * order by the fulfilment process, and released again when the order is rejected.
 *
 * <p>Rejection codes:
 *
 * <ul>
 *   <li>{@code invalid-quantity}: adding or reserving zero or less
 *   <li>{@code insufficient-stock}: reserving more than is available
 *   <li>{@code reservation-exists}: reserving again for an order that holds a reservation
 *   <li>{@code reservation-not-found}: releasing for an order that holds none
 * </ul>
 */
public final class InventoryDecider implements Decider<InventoryCommand, InventoryEvent, InventoryState> {

    private InventoryDecider() {}

    public static InventoryDecider create() {
        return new InventoryDecider();
    }

    @Override
    public InventoryState initialState() {
        return InventoryState.initial();
    }

    @Override
    public Decision<InventoryEvent> decide(InventoryCommand command, InventoryState state) {
        return switch (command) {
            case AddStock add ->
                add.quantity() <= 0
                        ? invalidQuantity(add.quantity())
                        : Decision.accept(new StockAdded(add.productId(), add.quantity()));
            case ReserveStock reserve -> reserve(reserve, state);
            case ReleaseStock release -> release(release, state);
        };
    }

    private static Decision<InventoryEvent> reserve(ReserveStock command, InventoryState state) {
        if (command.quantity() <= 0) {
            return invalidQuantity(command.quantity());
        }
        if (state.reservationOf(command.orderId()).isPresent()) {
            return Decision.reject(
                    "reservation-exists",
                    "order " + command.orderId() + " already holds "
                            + state.reservationOf(command.orderId()).get() + " of " + command.productId());
        }
        if (command.quantity() > state.available()) {
            return Decision.reject(
                    "insufficient-stock",
                    "cannot reserve " + command.quantity() + " of " + command.productId() + ": " + state.available()
                            + " available");
        }
        return Decision.accept(new StockReserved(command.productId(), command.orderId(), command.quantity()));
    }

    private static Decision<InventoryEvent> release(ReleaseStock command, InventoryState state) {
        return state.reservationOf(command.orderId())
                .<Decision<InventoryEvent>>map(quantity ->
                        Decision.accept(new StockReleased(command.productId(), command.orderId(), quantity)))
                .orElseGet(() -> Decision.reject(
                        "reservation-not-found",
                        "order " + command.orderId() + " holds no " + command.productId() + " to release"));
    }

    private static Decision<InventoryEvent> invalidQuantity(long quantity) {
        return Decision.reject("invalid-quantity", "a quantity must be positive, not " + quantity);
    }

    @Override
    public InventoryState evolve(InventoryState state, InventoryEvent event) {
        return switch (event) {
            case StockAdded added -> state.withAdded(added.quantity());
            case StockReserved reserved -> state.withReservation(reserved.orderId(), reserved.quantity());
            case StockReleased released -> state.withoutReservation(released.orderId(), released.quantity());
        };
    }
}
