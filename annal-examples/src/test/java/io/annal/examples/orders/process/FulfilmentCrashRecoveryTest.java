package io.annal.examples.orders.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.examples.orders.InventoryState;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrderStatus;
import io.annal.examples.process.Crash;
import io.annal.process.ProcessRuntime;
import io.annal.store.memory.InMemoryEventStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R8 for fulfilment: the process dies right before its k-th command (reserve p1, reserve p2 -
 * refused, release p1, reject the order); a new runtime finishes, and each step happened once.
 */
class FulfilmentCrashRecoveryTest {

    @ParameterizedTest(name = "crash before command {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void a_rejected_order_releases_its_stock_once_across_a_crash(int crashAt) {
        try (InMemoryEventStore store = InMemoryEventStore.create()) {
            Shop shop = new Shop(store);
            shop.stock("p1", 10);
            shop.stock("p2", 1);
            AtomicInteger asked = new AtomicInteger();
            ProcessRuntime<?, ?, ?> crashing = FulfilmentProcessRuntime.builder(store, shop.orders, shop.inventory)
                    .beforeSend(command -> {
                        if (asked.incrementAndGet() == crashAt) {
                            throw new Crash("before " + command.command());
                        }
                    })
                    .onFailure(e -> {})
                    .tickEvery(Duration.ofHours(1))
                    .build()
                    .start();
            shop.placeAndConfirm("o-1", new OrderLine("p1", 3, 100), new OrderLine("p2", 2, 250));
            await().until(() -> crashing.failure().isPresent());
            crashing.close();

            try (ProcessRuntime<?, ?, ?> restarted = FulfilmentProcessRuntime.builder(
                            store, shop.orders, shop.inventory)
                    .tickEvery(Duration.ofHours(1))
                    .build()
                    .start()) {
                await().untilAsserted(() -> assertThat(restarted.isDone("o-1")).isTrue());
            }

            assertThat(shop.status("o-1")).contains(OrderStatus.REJECTED);
            assertThat(shop.types(Shop.order("o-1")))
                    .containsExactly("OrderCreated", "OrderConfirmed", "OrderRejected");
            assertThat(shop.types(Shop.product("p1"))).containsExactly("StockAdded", "StockReserved", "StockReleased");
            assertThat(shop.stockOf("p1")).isEqualTo(new InventoryState(10, Map.of()));
        }
    }
}
