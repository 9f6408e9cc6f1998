package io.annal.examples.orders;

import io.annal.domain.View;
import io.annal.examples.orders.InventoryEvent.StockAdded;
import io.annal.examples.orders.InventoryEvent.StockReleased;
import io.annal.examples.orders.InventoryEvent.StockReserved;

/** Folds a product's inventory events into its {@link StockLevel}. */
public final class StockView implements View<InventoryEvent, StockLevel> {

    private StockView() {}

    public static StockView create() {
        return new StockView();
    }

    @Override
    public StockLevel initialState() {
        return StockLevel.none();
    }

    @Override
    public StockLevel evolve(StockLevel state, InventoryEvent event) {
        return switch (event) {
            case StockAdded added ->
                new StockLevel(added.productId(), state.available() + added.quantity(), state.reserved());
            case StockReserved reserved ->
                new StockLevel(
                        reserved.productId(),
                        state.available() - reserved.quantity(),
                        state.reserved() + reserved.quantity());
            case StockReleased released ->
                new StockLevel(
                        released.productId(),
                        state.available() + released.quantity(),
                        state.reserved() - released.quantity());
        };
    }
}
