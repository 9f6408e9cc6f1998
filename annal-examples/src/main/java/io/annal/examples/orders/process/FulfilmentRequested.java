package io.annal.examples.orders.process;

import io.annal.examples.orders.OrderLine;
import java.util.List;
import java.util.Objects;

/**
 * What the fulfilment process observes: an order was confirmed with these lines. It is taken from
 * {@code OrderConfirmed} and the order's lines at that version, and kept in the process's stream.
 */
public record FulfilmentRequested(String orderId, List<OrderLine> lines) {

    public FulfilmentRequested {
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
    }
}
