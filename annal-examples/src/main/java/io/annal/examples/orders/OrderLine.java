package io.annal.examples.orders;

import java.util.Objects;

/**
 * A product in an order.
 *
 * @param price the unit price in minor units
 */
public record OrderLine(String productId, long quantity, long price) {

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
    }

    public long total() {
        return Math.multiplyExact(quantity, price);
    }
}
