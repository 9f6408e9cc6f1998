package io.annal.examples.orders.process;

import io.annal.examples.orders.OrderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Where a fulfilment is: waiting for its order, reserving each line, or ending. */
public sealed interface FulfilmentState {

    static FulfilmentState initial() {
        return new Idle();
    }

    record Idle() implements FulfilmentState {}

    /**
     * The reservations are sent, one per line; {@code reserved} lists the products whose stock was
     * reserved, {@code refusals} why the others were not.
     */
    record Reserving(String orderId, List<OrderLine> lines, List<String> reserved, List<String> refusals)
            implements FulfilmentState {

        public Reserving {
            Objects.requireNonNull(orderId, "orderId");
            lines = List.copyOf(lines);
            reserved = List.copyOf(reserved);
            refusals = List.copyOf(refusals);
        }

        Reserving withReserved(String productId) {
            List<String> more = new ArrayList<>(reserved);
            more.add(productId);
            return new Reserving(orderId, lines, more, refusals);
        }

        Reserving withRefusal(String reason) {
            List<String> more = new ArrayList<>(refusals);
            more.add(reason);
            return new Reserving(orderId, lines, reserved, more);
        }

        boolean allAnswered() {
            return reserved.size() + refusals.size() == lines.size();
        }
    }

    /** The order's outcome is sent: ready to ship, or rejected; {@code recorded} once the order took it. */
    record Ending(String orderId, boolean rejected, boolean recorded) implements FulfilmentState {}
}
