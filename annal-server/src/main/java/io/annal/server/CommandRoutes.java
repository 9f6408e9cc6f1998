package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountCommand.CloseAccount;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.OpenAccount;
import io.annal.examples.bank.AccountCommand.Withdraw;
import io.annal.examples.bank.TransferCommand.StartTransfer;
import io.annal.examples.orders.InventoryCommand;
import io.annal.examples.orders.InventoryCommand.AddStock;
import io.annal.examples.orders.OrderCommand;
import io.annal.examples.orders.OrderCommand.AddItem;
import io.annal.examples.orders.OrderCommand.ConfirmOrder;
import io.annal.examples.orders.OrderCommand.CreateOrder;
import io.annal.examples.orders.OrderCommand.RemoveItem;
import io.annal.examples.orders.OrderCommand.ShipOrder;
import io.annal.examples.orders.OrderLine;
import io.annal.http.CommandInputException;
import io.annal.http.CommandRoute;
import io.annal.http.HttpApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The reference domains' commands as {@code POST /commands/{type}} routes. */
final class CommandRoutes {

    private CommandRoutes() {}

    static void register(HttpApi.Builder api, ReferenceDomains d) {
        api.command("open-account", account(b -> new OpenAccount(b.id("accountId"), b.text("owner")), d))
                .command("deposit", account(b -> new Deposit(b.id("accountId"), b.integer("amount")), d))
                .command("withdraw", account(b -> new Withdraw(b.id("accountId"), b.integer("amount")), d))
                .command("close-account", account(b -> new CloseAccount(b.id("accountId")), d))
                .command(
                        "transfer",
                        // the transfer process (Processes) takes it from TransferStarted on, debiting
                        // 'from' for the caller: stream rules want the caller to be allowed that too
                        CommandRoute.<StartTransfer>of(
                                json -> read(
                                        json,
                                        b -> new StartTransfer(
                                                b.id("transferId"), b.id("from"), b.id("to"), b.integer("amount"))),
                                c -> List.of(ReferenceDomains.transferStream(c), ReferenceDomains.account(c.from())),
                                d.transfers::handle))
                .command(
                        "add-stock",
                        CommandRoute.<InventoryCommand>of(
                                json -> read(json, b -> new AddStock(b.id("productId"), b.integer("quantity"))),
                                c -> List.of(ReferenceDomains.inventoryStream(c)),
                                d.inventory::handle))
                .command(
                        "create-order",
                        order(b -> new CreateOrder(b.id("orderId"), b.id("customerId"), lines(b.array("items"))), d))
                .command(
                        "add-item",
                        order(
                                b -> new AddItem(
                                        b.id("orderId"),
                                        b.id("productId"),
                                        b.integer("quantity"),
                                        b.integer("price", 0)),
                                d))
                .command(
                        "remove-item",
                        order(b -> new RemoveItem(b.id("orderId"), b.id("productId"), b.integer("quantity")), d))
                // the fulfilment process (Processes) takes it from OrderConfirmed on
                .command("confirm-order", order(b -> new ConfirmOrder(b.id("orderId")), d))
                .command(
                        "ship-order",
                        order(b -> new ShipOrder(b.id("orderId"), b.text("carrier"), b.text("trackingNumber")), d));
    }

    private static CommandRoute account(Function<CommandBody, AccountCommand> read, ReferenceDomains d) {
        return CommandRoute.of(
                json -> read(json, read), c -> List.of(ReferenceDomains.accountStream(c)), d.accounts::handle);
    }

    private static CommandRoute order(Function<CommandBody, OrderCommand> read, ReferenceDomains d) {
        return CommandRoute.of(
                json -> read(json, read), c -> List.of(ReferenceDomains.orderStream(c)), d.orders::handle);
    }

    private static <C> C read(JsonNode json, Function<CommandBody, C> read) {
        return read.apply(CommandBody.of(json));
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
