package io.annal.examples.orders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One product's stock: what is free to reserve, and what each order holds.
 *
 * @param reservations quantity reserved per order id
 */
public record InventoryState(long available, Map<String, Long> reservations) {

    public InventoryState {
        reservations = Map.copyOf(reservations);
    }

    public static InventoryState initial() {
        return new InventoryState(0, Map.of());
    }

    public long reserved() {
        return reservations.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<Long> reservationOf(String orderId) {
        return Optional.ofNullable(reservations.get(orderId));
    }

    InventoryState withAdded(long quantity) {
        return new InventoryState(available + quantity, reservations);
    }

    InventoryState withReservation(String orderId, long quantity) {
        Map<String, Long> changed = new LinkedHashMap<>(reservations);
        changed.merge(orderId, quantity, Long::sum);
        return new InventoryState(available - quantity, changed);
    }

    InventoryState withoutReservation(String orderId, long quantity) {
        Map<String, Long> changed = new LinkedHashMap<>(reservations);
        changed.remove(orderId);
        return new InventoryState(available + quantity, changed);
    }
}
