package io.annal.server;

import io.annal.command.CommandContext;
import io.annal.command.CommandResult;
import io.annal.examples.orders.InventoryCommand.ReleaseStock;
import io.annal.examples.orders.InventoryCommand.ReserveStock;
import io.annal.examples.orders.OrderCommand.MarkReadyToShip;
import io.annal.examples.orders.OrderCommand.RejectOrder;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrderState;
import io.annal.examples.orders.OrderStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fulfils a confirmed order: reserves each product's stock, then marks the order ready to ship;
 * or, when some stock is missing, releases what it reserved and rejects the order. Step ids derive
 * from the order id, so running it again repeats nothing.
 */
final class FulfilmentFlow {

    private final ReferenceDomains domains;

    FulfilmentFlow(ReferenceDomains domains) {
        this.domains = domains;
    }

    void run(String orderId, CommandContext request) {
        OrderState state = domains.orders.load(ReferenceDomains.order(orderId)).state();
        if (!(state instanceof OrderState.Order order) || order.status() != OrderStatus.CONFIRMED) {
            return;
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            quantities.merge(line.productId(), line.quantity(), Long::sum);
        }
        List<String> reserved = new ArrayList<>();
        for (Map.Entry<String, Long> product : quantities.entrySet()) {
            CommandResult result = domains.inventory.handle(
                    new ReserveStock(product.getKey(), orderId, product.getValue()),
                    step(request, orderId, "reserve-" + product.getKey()));
            if (!(result instanceof CommandResult.Accepted)) {
                String reason = result instanceof CommandResult.Rejected rejected
                        ? rejected.rejection().code() + ": "
                                + rejected.rejection().message()
                        : "concurrency-conflict";
                for (String productId : reserved) {
                    domains.inventory.handle(
                            new ReleaseStock(productId, orderId), step(request, orderId, "release-" + productId));
                }
                domains.orders.handle(new RejectOrder(orderId, reason), step(request, orderId, "reject"));
                return;
            }
            reserved.add(product.getKey());
        }
        domains.orders.handle(new MarkReadyToShip(orderId), step(request, orderId, "ready"));
    }

    private static CommandContext step(CommandContext request, String orderId, String step) {
        return StepIds.context(request, "order-" + orderId + "-" + step);
    }
}
