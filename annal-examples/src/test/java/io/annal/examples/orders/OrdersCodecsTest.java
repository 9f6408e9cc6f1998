package io.annal.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.codec.EventCodec;
import io.annal.store.EventData;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrdersCodecsTest {

    private static RecordedEvent stored(EventData data) {
        return new RecordedEvent(
                StreamName.of("order-o-1"),
                0,
                Position.START,
                data.id(),
                data.type(),
                data.data(),
                data.metadata(),
                Instant.EPOCH);
    }

    @Test
    void every_orders_event_round_trips_under_its_http_api_name() {
        EventCodec<OrdersEvent> codec = OrdersCodecs.all();
        List<OrdersEvent> events = List.of(
                new OrderEvent.OrderCreated("o-1", "c-1", List.of(new OrderLine("book", 2, 1500))),
                new OrderEvent.ItemAdded("pen", 1, 200),
                new OrderEvent.ItemRemoved("pen", 1, 200),
                new OrderEvent.OrderConfirmed(),
                new OrderEvent.OrderReadyToShip(),
                new OrderEvent.OrderRejected("insufficient-stock"),
                new OrderEvent.OrderShipped("ups", "1Z"),
                new InventoryEvent.StockAdded("book", 10),
                new InventoryEvent.StockReserved("book", "o-1", 2),
                new InventoryEvent.StockReleased("book", "o-1", 2));

        for (OrdersEvent event : events) {
            EventData data = codec.encode(event, UUID.randomUUID());
            assertThat(data.type()).isEqualTo(event.getClass().getSimpleName());
            assertThat(codec.decodeEvent(stored(data))).isEqualTo(event);
        }
    }

    @Test
    void order_created_carries_its_items_as_the_http_api_shows_them() {
        EventData data = OrdersCodecs.orders()
                .encode(
                        new OrderEvent.OrderCreated("o-1", "c-1", List.of(new OrderLine("book", 2, 1500))),
                        UUID.randomUUID());

        assertThat(new String(data.data(), StandardCharsets.UTF_8))
                .isEqualTo("{\"orderId\":\"o-1\",\"customerId\":\"c-1\","
                        + "\"items\":[{\"productId\":\"book\",\"quantity\":2,\"price\":1500}]}");
    }

    @Test
    void the_inventory_codec_knows_the_three_stock_events() {
        assertThat(OrdersCodecs.inventory().types()).hasSize(3);
    }
}
