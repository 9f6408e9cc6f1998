package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.examples.bank.AccountCommand.CloseAccount;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.OpenAccount;
import io.annal.examples.bank.AccountCommand.Withdraw;
import io.annal.examples.bank.TransferCommand.StartTransfer;
import io.annal.examples.orders.InventoryCommand.AddStock;
import io.annal.examples.orders.OrderCommand.AddItem;
import io.annal.examples.orders.OrderCommand.ConfirmOrder;
import io.annal.examples.orders.OrderCommand.CreateOrder;
import io.annal.examples.orders.OrderCommand.RemoveItem;
import io.annal.examples.orders.OrderCommand.ShipOrder;
import io.annal.examples.orders.OrderLine;
import io.annal.http.CommandInputException;
import io.annal.http.HttpApi;
import java.util.ArrayList;
import java.util.List;

/** The reference domains' commands as {@code POST /commands/{type}} routes. */
final class CommandRoutes {

    private CommandRoutes() {}

    static void register(HttpApi.Builder api, ReferenceDomains d) {
        api.command("open-account", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.accounts.handle(new OpenAccount(b.id("accountId"), b.text("owner")), ctx);
                })
                .command("deposit", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.accounts.handle(new Deposit(b.id("accountId"), b.integer("amount")), ctx);
                })
                .command("withdraw", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.accounts.handle(new Withdraw(b.id("accountId"), b.integer("amount")), ctx);
                })
                .command("close-account", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.accounts.handle(new CloseAccount(b.id("accountId")), ctx);
                })
                .command("transfer", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    // the transfer process (Processes) takes it from TransferStarted on
                    return d.transfers.handle(
                            new StartTransfer(b.id("transferId"), b.id("from"), b.id("to"), b.integer("amount")), ctx);
                })
                .command("add-stock", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.inventory.handle(new AddStock(b.id("productId"), b.integer("quantity")), ctx);
                })
                .command("create-order", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.orders.handle(
                            new CreateOrder(b.id("orderId"), b.id("customerId"), lines(b.array("items"))), ctx);
                })
                .command("add-item", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.orders.handle(
                            new AddItem(
                                    b.id("orderId"), b.id("productId"), b.integer("quantity"), b.integer("price", 0)),
                            ctx);
                })
                .command("remove-item", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.orders.handle(
                            new RemoveItem(b.id("orderId"), b.id("productId"), b.integer("quantity")), ctx);
                })
                .command("confirm-order", (json, ctx) -> {
                    // the fulfilment process (Processes) takes it from OrderConfirmed on
                    return d.orders.handle(new ConfirmOrder(CommandBody.of(json).id("orderId")), ctx);
                })
                .command("ship-order", (json, ctx) -> {
                    CommandBody b = CommandBody.of(json);
                    return d.orders.handle(
                            new ShipOrder(b.id("orderId"), b.text("carrier"), b.text("trackingNumber")), ctx);
                });
    }

    private static List<OrderLine> lines(JsonNode items) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new CommandInputException("each item is an object {productId, quantity, price}");
            }
            CommandBody line = CommandBody.of(item);
            lines.add(new OrderLine(line.id("productId"), line.integer("quantity"), line.integer("price")));
        }
        return lines;
    }
}
