package io.annal.server;

import io.annal.command.CommandHandler;
import io.annal.examples.bank.AccountCommand;
import io.annal.examples.bank.AccountDecider;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountState;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.TransferCommand;
import io.annal.examples.bank.TransferDecider;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.bank.TransferState;
import io.annal.examples.orders.InventoryCommand;
import io.annal.examples.orders.InventoryDecider;
import io.annal.examples.orders.InventoryEvent;
import io.annal.examples.orders.InventoryState;
import io.annal.examples.orders.OrderCommand;
import io.annal.examples.orders.OrderDecider;
import io.annal.examples.orders.OrderEvent;
import io.annal.examples.orders.OrderState;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.examples.process.CodecMapper;
import io.annal.store.EventStore;
import io.annal.store.StreamName;
import io.opentelemetry.api.OpenTelemetry;

/** The command handlers of the reference domains: bank accounts, transfers, orders, inventory. */
final class ReferenceDomains {

    final CommandHandler<AccountCommand, AccountEvent, AccountState> accounts;
    final CommandHandler<TransferCommand, TransferEvent, TransferState> transfers;
    final CommandHandler<OrderCommand, OrderEvent, OrderState> orders;
    final CommandHandler<InventoryCommand, InventoryEvent, InventoryState> inventory;

    ReferenceDomains(EventStore store, OpenTelemetry otel) {
        this.accounts = CommandHandler.builder(
                        AccountDecider.create(),
                        store,
                        CodecMapper.of(BankCodecs.accounts()),
                        ReferenceDomains::accountStream)
                .openTelemetry(otel)
                .build();
        this.transfers = CommandHandler.builder(
                        TransferDecider.create(),
                        store,
                        CodecMapper.of(BankCodecs.transfers()),
                        ReferenceDomains::transferStream)
                .openTelemetry(otel)
                .build();
        this.orders = CommandHandler.builder(
                        OrderDecider.create(),
                        store,
                        CodecMapper.of(OrdersCodecs.orders()),
                        ReferenceDomains::orderStream)
                .openTelemetry(otel)
                .build();
        this.inventory = CommandHandler.builder(
                        InventoryDecider.create(),
                        store,
                        CodecMapper.of(OrdersCodecs.inventory()),
                        ReferenceDomains::inventoryStream)
                .openTelemetry(otel)
                .build();
    }

    // each command's stream: the handlers' mapping, also what stream rules check before a command runs
    static StreamName accountStream(AccountCommand command) {
        return account(command.accountId());
    }

    static StreamName transferStream(TransferCommand command) {
        return transfer(command.transferId());
    }

    static StreamName orderStream(OrderCommand command) {
        return order(command.orderId());
    }

    static StreamName inventoryStream(InventoryCommand command) {
        return inventory(command.productId());
    }

    static StreamName account(String accountId) {
        return StreamName.of("account-" + accountId);
    }

    static StreamName transfer(String transferId) {
        return StreamName.of("transfer-" + transferId);
    }

    static StreamName order(String orderId) {
        return StreamName.of("order-" + orderId);
    }

    static StreamName inventory(String productId) {
        return StreamName.of("inventory-" + productId);
    }

    /** Forgets cached state of a deleted stream, whichever handler holds it. */
    void evict(StreamName stream) {
        accounts.evict(stream);
        transfers.evict(stream);
        orders.evict(stream);
        inventory.evict(stream);
    }
}
