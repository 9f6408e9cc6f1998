package io.annal.examples.orders;

import io.annal.examples.orders.InventoryEvent.StockAdded;
import io.annal.examples.orders.InventoryEvent.StockReleased;
import io.annal.examples.orders.InventoryEvent.StockReserved;
import io.annal.examples.orders.OrderEvent.ItemAdded;
import io.annal.examples.orders.OrderEvent.ItemRemoved;
import io.annal.examples.orders.OrderEvent.OrderConfirmed;
import io.annal.examples.orders.OrderEvent.OrderCreated;
import io.annal.examples.orders.OrderEvent.OrderReadyToShip;
import io.annal.examples.orders.OrderEvent.OrderRejected;
import io.annal.examples.orders.OrderEvent.OrderShipped;
import io.annal.testing.ViewFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrdersViewsTest {

    private static final OrderCreated CREATED =
            new OrderCreated("o-1", "c-1", List.of(new OrderLine("book", 2, 1500), new OrderLine("pen", 1, 200)));

    @Test
    void a_new_order_summary_counts_units_and_totals_prices() {
        ViewFixture.of(OrderSummaryView.create())
                .given(CREATED)
                .then(new OrderSummary("o-1", "c-1", "created", 3, 3200, Optional.empty(), Optional.empty()));
    }

    @Test
    void added_and_removed_items_change_the_count_and_total() {
        ViewFixture.of(OrderSummaryView.create())
                .given(CREATED, new ItemAdded("pen", 4, 200), new ItemRemoved("book", 1, 1500))
                .then(new OrderSummary("o-1", "c-1", "created", 6, 2500, Optional.empty(), Optional.empty()));
    }

    @Test
    void a_shipped_order_shows_carrier_and_tracking_number() {
        ViewFixture.of(OrderSummaryView.create())
                .given(CREATED, new OrderConfirmed(), new OrderReadyToShip(), new OrderShipped("ups", "1Z999"))
                .then(new OrderSummary("o-1", "c-1", "shipped", 3, 3200, Optional.of("ups"), Optional.of("1Z999")));
    }

    @Test
    void a_rejected_order_shows_status_rejected() {
        ViewFixture.of(OrderSummaryView.create())
                .given(CREATED, new OrderConfirmed(), new OrderRejected("insufficient-stock"))
                .then(new OrderSummary("o-1", "c-1", "rejected", 3, 3200, Optional.empty(), Optional.empty()));
    }

    @Test
    void stock_moves_between_available_and_reserved() {
        ViewFixture.of(StockView.create())
                .given(
                        new StockAdded("book", 10),
                        new StockReserved("book", "o-1", 4),
                        new StockReserved("book", "o-2", 1),
                        new StockReleased("book", "o-1", 4))
                .then(new StockLevel("book", 9, 1));
    }
}
