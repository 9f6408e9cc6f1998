package io.annal.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.examples.orders.InventoryCommand.AddStock;
import io.annal.examples.orders.InventoryCommand.ReleaseStock;
import io.annal.examples.orders.InventoryCommand.ReserveStock;
import io.annal.examples.orders.InventoryEvent.StockAdded;
import io.annal.examples.orders.InventoryEvent.StockReleased;
import io.annal.examples.orders.InventoryEvent.StockReserved;
import io.annal.testing.DeciderFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryDeciderTest {

    private static final StockAdded TEN_BOOKS = new StockAdded("book", 10);

    private final DeciderFixture<InventoryCommand, InventoryEvent, InventoryState> inventory =
            DeciderFixture.of(InventoryDecider.create());

    @Test
    void adding_stock_records_stock_added() {
        inventory.given().when(new AddStock("book", 10)).then(TEN_BOOKS);
    }

    @Test
    void adding_zero_or_less_is_rejected_with_invalid_quantity() {
        inventory.given().when(new AddStock("book", 0)).thenRejectedWith("invalid-quantity");
        inventory.given().when(new AddStock("book", -1)).thenRejectedWith("invalid-quantity");
    }

    @Test
    void reserving_available_stock_records_stock_reserved() {
        inventory
                .given(TEN_BOOKS)
                .when(new ReserveStock("book", "o-1", 4))
                .then(new StockReserved("book", "o-1", 4))
                .thenState(state -> {
                    assertThat(state.available()).isEqualTo(6);
                    assertThat(state.reserved()).isEqualTo(4);
                });
    }

    @Test
    void reserving_all_available_stock_is_allowed() {
        inventory
                .given(TEN_BOOKS, new StockReserved("book", "o-1", 4))
                .when(new ReserveStock("book", "o-2", 6))
                .then(new StockReserved("book", "o-2", 6));
    }

    @Test
    void reserving_beyond_available_stock_is_rejected_with_insufficient_stock() {
        inventory
                .given(TEN_BOOKS, new StockReserved("book", "o-1", 4))
                .when(new ReserveStock("book", "o-2", 7))
                .thenRejectedWith("insufficient-stock", "cannot reserve 7 of book: 6 available");
    }

    @Test
    void reserving_a_product_never_stocked_is_rejected_with_insufficient_stock() {
        inventory.given().when(new ReserveStock("book", "o-1", 1)).thenRejectedWith("insufficient-stock");
    }

    @Test
    void reserving_zero_is_rejected_with_invalid_quantity() {
        inventory.given(TEN_BOOKS).when(new ReserveStock("book", "o-1", 0)).thenRejectedWith("invalid-quantity");
    }

    @Test
    void reserving_twice_for_one_order_is_rejected_with_reservation_exists() {
        inventory
                .given(TEN_BOOKS, new StockReserved("book", "o-1", 4))
                .when(new ReserveStock("book", "o-1", 1))
                .thenRejectedWith("reservation-exists");
    }

    @Test
    void releasing_gives_back_the_whole_reservation_of_the_order() {
        inventory
                .given(TEN_BOOKS, new StockReserved("book", "o-1", 4), new StockReserved("book", "o-2", 1))
                .when(new ReleaseStock("book", "o-1"))
                .then(new StockReleased("book", "o-1", 4))
                .thenState(state -> assertThat(state).isEqualTo(new InventoryState(9, Map.of("o-2", 1L))));
    }

    @Test
    void releasing_without_a_reservation_is_rejected_with_reservation_not_found() {
        inventory.given(TEN_BOOKS).when(new ReleaseStock("book", "o-1")).thenRejectedWith("reservation-not-found");
        inventory
                .given(TEN_BOOKS, new StockReserved("book", "o-1", 4), new StockReleased("book", "o-1", 4))
                .when(new ReleaseStock("book", "o-1"))
                .thenRejectedWith("reservation-not-found");
    }
}
