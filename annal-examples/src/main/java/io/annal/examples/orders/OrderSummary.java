package io.annal.examples.orders;

import java.util.Objects;
import java.util.Optional;

/**
 * The order summary read model, {@code GET /queries/orders/{orderId}}.
 *
 * @param status the {@link OrderStatus} code; empty before the order is created
 * @param itemCount the number of units over all lines
 * @param total the sum of quantity times unit price, in minor units
 * @param carrier and {@code trackingNumber} are present once the order has shipped
 */
public record OrderSummary(
        String orderId,
        String customerId,
        String status,
        long itemCount,
        long total,
        Optional<String> carrier,
        Optional<String> trackingNumber) {

    public OrderSummary {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
    }

    public static OrderSummary none() {
        return new OrderSummary("", "", "", 0, 0, Optional.empty(), Optional.empty());
    }

    OrderSummary withStatus(OrderStatus next) {
        return new OrderSummary(orderId, customerId, next.code(), itemCount, total, carrier, trackingNumber);
    }

    OrderSummary withItems(long units, long amount) {
        return new OrderSummary(
                orderId, customerId, status, itemCount + units, total + amount, carrier, trackingNumber);
    }
}
