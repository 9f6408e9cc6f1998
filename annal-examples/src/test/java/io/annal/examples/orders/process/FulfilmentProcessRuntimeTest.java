package io.annal.examples.orders.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.examples.orders.InventoryState;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrderStatus;
import io.annal.process.ProcessRuntime;
import io.annal.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FulfilmentProcessRuntimeTest {

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private final Shop shop = new Shop(store);
    private ProcessRuntime<?, ?, ?> runtime;

    @BeforeEach
    void start() {
        runtime = FulfilmentProcessRuntime.builder(store, shop.orders, shop.inventory)
                .tickEvery(Duration.ofHours(1))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        runtime.close();
        store.close();
    }

    @Test
    void an_order_whose_stock_is_all_reserved_is_ready_to_ship() {
        shop.stock("p1", 10);
        shop.stock("p2", 5);

        shop.placeAndConfirm("o-1", new OrderLine("p1", 3, 100), new OrderLine("p2", 2, 250));

        awaitStatus("o-1", OrderStatus.READY_TO_SHIP);
        assertThat(shop.stockOf("p1")).isEqualTo(new InventoryState(7, Map.of("o-1", 3L)));
        assertThat(shop.stockOf("p2")).isEqualTo(new InventoryState(3, Map.of("o-1", 2L)));
        assertThat(shop.types(Shop.order("o-1"))).containsExactly("OrderCreated", "OrderConfirmed", "OrderReadyToShip");
    }

    @Test
    void a_refused_line_releases_the_reserved_ones_and_rejects_the_order_with_the_reason() {
        shop.stock("p1", 10);
        shop.stock("p2", 1);

        shop.placeAndConfirm("o-1", new OrderLine("p1", 3, 100), new OrderLine("p2", 2, 250));

        awaitStatus("o-1", OrderStatus.REJECTED);
        assertThat(shop.events(Shop.order("o-1")).getLast().dataAsString())
                .contains("cannot reserve 2 of p2: 1 available");
        assertThat(shop.stockOf("p1")).isEqualTo(new InventoryState(10, Map.of()));
        assertThat(shop.types(Shop.product("p1"))).containsExactly("StockAdded", "StockReserved", "StockReleased");
        assertThat(shop.stockOf("p2")).isEqualTo(new InventoryState(1, Map.of()));
        assertThat(shop.types(Shop.product("p2"))).containsExactly("StockAdded");
    }

    @Test
    void an_order_with_no_line_in_stock_is_rejected_with_every_refusal() {
        shop.placeAndConfirm("o-1", new OrderLine("p1", 1, 100), new OrderLine("p2", 1, 100));

        awaitStatus("o-1", OrderStatus.REJECTED);
        assertThat(shop.events(Shop.order("o-1")).getLast().dataAsString())
                .contains("of p1: 0 available")
                .contains("of p2: 0 available");
        assertThat(shop.types(Shop.product("p1"))).isEmpty();
    }

    @Test
    void orders_compete_for_stock_and_only_the_first_gets_it() {
        shop.stock("p1", 3);

        shop.placeAndConfirm("o-1", new OrderLine("p1", 2, 100));
        awaitStatus("o-1", OrderStatus.READY_TO_SHIP);
        shop.placeAndConfirm("o-2", new OrderLine("p1", 2, 100));

        awaitStatus("o-2", OrderStatus.REJECTED);
        assertThat(shop.stockOf("p1")).isEqualTo(new InventoryState(1, Map.of("o-1", 2L)));
    }

    private void awaitStatus(String orderId, OrderStatus status) {
        await().untilAsserted(() -> assertThat(shop.status(orderId)).contains(status));
        await().untilAsserted(() -> assertThat(runtime.isDone(orderId)).isTrue());
    }
}
