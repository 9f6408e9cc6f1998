package io.annal.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.annal.examples.orders.OrderState.Order;
import io.annal.testing.DeciderFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderDeciderTest {

    private static final OrderLine BOOK = new OrderLine("book", 2, 1500);
    private static final OrderCreated CREATED = new OrderCreated("o-1", "c-1", List.of(BOOK));
    private static final OrderCreated CREATED_EMPTY = new OrderCreated("o-1", "c-1", List.of());

    private final OrderDecider decider = OrderDecider.create();
    private final DeciderFixture<OrderCommand, OrderEvent, OrderState> order = DeciderFixture.of(decider);

    @Test
    void creating_an_order_records_order_created_with_its_items() {
        order.given().when(new CreateOrder("o-1", "c-1", List.of(BOOK))).then(CREATED);
    }

    @Test
    void creating_an_empty_order_is_allowed() {
        order.given().when(new CreateOrder("o-1", "c-1", List.of())).then(CREATED_EMPTY);
    }

    @Test
    void creating_an_order_twice_is_rejected_with_order_exists() {
        order.given(CREATED).when(new CreateOrder("o-1", "c-1", List.of())).thenRejectedWith("order-exists");
    }

    @Test
    void creating_with_a_quantity_of_zero_is_rejected_with_invalid_quantity() {
        order.given()
                .when(new CreateOrder("o-1", "c-1", List.of(new OrderLine("book", 0, 1500))))
                .thenRejectedWith("invalid-quantity");
    }

    @Test
    void creating_with_a_negative_price_is_rejected_with_invalid_price() {
        order.given()
                .when(new CreateOrder("o-1", "c-1", List.of(new OrderLine("book", 1, -1))))
                .thenRejectedWith("invalid-price");
    }

    @Test
    void creating_with_a_product_listed_twice_is_rejected_with_duplicate_item() {
        order.given()
                .when(new CreateOrder("o-1", "c-1", List.of(BOOK, new OrderLine("book", 1, 1500))))
                .thenRejectedWith("duplicate-item");
    }

    @Test
    void any_command_before_creation_is_rejected_with_order_not_found() {
        order.given().when(new AddItem("o-1", "book", 1, 1500)).thenRejectedWith("order-not-found");
        order.given().when(new ConfirmOrder("o-1")).thenRejectedWith("order-not-found");
        order.given().when(new ShipOrder("o-1", "ups", "1Z")).thenRejectedWith("order-not-found");
    }

    @Test
    void adding_an_item_records_item_added() {
        order.given(CREATED).when(new AddItem("o-1", "pen", 3, 200)).then(new ItemAdded("pen", 3, 200));
    }

    @Test
    void adding_more_of_a_product_merges_into_its_line() {
        order.given(CREATED)
                .when(new AddItem("o-1", "book", 1, 1500))
                .thenState(
                        state -> assertThat(((Order) state).lines()).containsExactly(new OrderLine("book", 3, 1500)));
    }

    @Test
    void adding_a_product_at_another_price_is_rejected_with_price_mismatch() {
        order.given(CREATED).when(new AddItem("o-1", "book", 1, 1400)).thenRejectedWith("price-mismatch");
    }

    @Test
    void adding_a_quantity_of_zero_or_less_is_rejected_with_invalid_quantity() {
        order.given(CREATED).when(new AddItem("o-1", "pen", 0, 200)).thenRejectedWith("invalid-quantity");
        order.given(CREATED).when(new AddItem("o-1", "pen", -2, 200)).thenRejectedWith("invalid-quantity");
    }

    @Test
    void adding_at_a_negative_price_is_rejected_with_invalid_price() {
        order.given(CREATED).when(new AddItem("o-1", "pen", 1, -200)).thenRejectedWith("invalid-price");
    }

    @Test
    void removing_part_of_a_line_records_item_removed_with_the_line_price() {
        order.given(CREATED)
                .when(new RemoveItem("o-1", "book", 1))
                .then(new ItemRemoved("book", 1, 1500))
                .thenState(
                        state -> assertThat(((Order) state).lines()).containsExactly(new OrderLine("book", 1, 1500)));
    }

    @Test
    void removing_a_whole_line_drops_it() {
        order.given(CREATED)
                .when(new RemoveItem("o-1", "book", 2))
                .thenState(state -> assertThat(((Order) state).lines()).isEmpty());
    }

    @Test
    void removing_a_product_not_in_the_order_is_rejected_with_item_not_in_order() {
        order.given(CREATED).when(new RemoveItem("o-1", "pen", 1)).thenRejectedWith("item-not-in-order");
    }

    @Test
    void removing_more_than_the_order_holds_is_rejected_with_quantity_exceeds_item() {
        order.given(CREATED).when(new RemoveItem("o-1", "book", 3)).thenRejectedWith("quantity-exceeds-item");
    }

    @Test
    void removing_a_quantity_of_zero_is_rejected_with_invalid_quantity() {
        order.given(CREATED).when(new RemoveItem("o-1", "book", 0)).thenRejectedWith("invalid-quantity");
    }

    @Test
    void confirming_an_order_with_items_records_order_confirmed() {
        order.given(CREATED).when(new ConfirmOrder("o-1")).then(new OrderConfirmed());
    }

    @Test
    void confirming_an_empty_order_is_rejected_with_empty_order() {
        order.given(CREATED_EMPTY).when(new ConfirmOrder("o-1")).thenRejectedWith("empty-order");
    }

    @Test
    void confirming_an_order_emptied_by_removals_is_rejected_with_empty_order() {
        order.given(CREATED, new ItemRemoved("book", 2, 1500))
                .when(new ConfirmOrder("o-1"))
                .thenRejectedWith("empty-order");
    }

    @Test
    void confirming_twice_is_rejected_with_order_not_editable() {
        order.given(CREATED, new OrderConfirmed()).when(new ConfirmOrder("o-1")).thenRejectedWith("order-not-editable");
    }

    @Test
    void changing_items_after_confirmation_is_rejected_with_order_not_editable() {
        order.given(CREATED, new OrderConfirmed())
                .when(new AddItem("o-1", "pen", 1, 200))
                .thenRejectedWith("order-not-editable", "order o-1 is confirmed; only a created order can change");
        order.given(CREATED, new OrderConfirmed())
                .when(new RemoveItem("o-1", "book", 1))
                .thenRejectedWith("order-not-editable");
    }

    @Test
    void a_confirmed_order_whose_stock_is_reserved_becomes_ready_to_ship() {
        order.given(CREATED, new OrderConfirmed())
                .when(new MarkReadyToShip("o-1"))
                .then(new OrderReadyToShip());
    }

    @Test
    void a_confirmed_order_whose_stock_is_missing_is_rejected_with_a_reason() {
        order.given(CREATED, new OrderConfirmed())
                .when(new RejectOrder("o-1", "insufficient-stock: book"))
                .then(new OrderRejected("insufficient-stock: book"))
                .thenState(state -> assertThat(decider.isTerminal(state)).isTrue());
    }

    @Test
    void marking_an_unconfirmed_order_ready_is_rejected_with_order_not_confirmed() {
        order.given(CREATED).when(new MarkReadyToShip("o-1")).thenRejectedWith("order-not-confirmed");
        order.given(CREATED).when(new RejectOrder("o-1", "no")).thenRejectedWith("order-not-confirmed");
        order.given(CREATED, new OrderConfirmed(), new OrderReadyToShip())
                .when(new RejectOrder("o-1", "late"))
                .thenRejectedWith("order-not-confirmed");
    }

    @Test
    void shipping_an_order_ready_to_ship_records_order_shipped() {
        order.given(CREATED, new OrderConfirmed(), new OrderReadyToShip())
                .when(new ShipOrder("o-1", "ups", "1Z999"))
                .then(new OrderShipped("ups", "1Z999"))
                .thenState(state -> assertThat(decider.isTerminal(state)).isTrue());
    }

    @Test
    void shipping_before_ready_to_ship_is_rejected_with_order_not_ready() {
        order.given(CREATED).when(new ShipOrder("o-1", "ups", "1Z")).thenRejectedWith("order-not-ready");
        order.given(CREATED, new OrderConfirmed())
                .when(new ShipOrder("o-1", "ups", "1Z"))
                .thenRejectedWith("order-not-ready", "order o-1 is confirmed, not ready-to-ship");
    }

    @Test
    void shipping_a_rejected_order_is_rejected_with_order_not_ready() {
        order.given(CREATED, new OrderConfirmed(), new OrderRejected("no stock"))
                .when(new ShipOrder("o-1", "ups", "1Z"))
                .thenRejectedWith("order-not-ready");
    }

    @Test
    void shipping_twice_is_rejected_with_order_already_shipped() {
        order.given(CREATED, new OrderConfirmed(), new OrderReadyToShip(), new OrderShipped("ups", "1Z"))
                .when(new ShipOrder("o-1", "ups", "1Z"))
                .thenRejectedWith("order-already-shipped");
    }

    @Test
    void shipping_without_carrier_or_tracking_number_is_rejected_with_invalid_shipment() {
        order.given(CREATED, new OrderConfirmed(), new OrderReadyToShip())
                .when(new ShipOrder("o-1", "", "1Z"))
                .thenRejectedWith("invalid-shipment");
        order.given(CREATED, new OrderConfirmed(), new OrderReadyToShip())
                .when(new ShipOrder("o-1", "ups", " "))
                .thenRejectedWith("invalid-shipment");
    }

    @Test
    void the_state_tracks_status_and_lines() {
        assertThat(order.given(CREATED, new ItemAdded("pen", 3, 200), new OrderConfirmed())
                        .state())
                .isEqualTo(new Order("o-1", "c-1", OrderStatus.CONFIRMED, List.of(BOOK, new OrderLine("pen", 3, 200))));
    }
}
