package io.annal.readmodels;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.orders.InventoryEvent;
import io.annal.examples.orders.OrderEvent;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.store.EventAppender;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random but well-formed traffic of the reference domains, from a seed: every stream starts with
 * its creating event, and later events only touch streams that exist. Domain rules beyond that do
 * not matter to read models, which fold whatever was recorded.
 */
public final class Workload {

    private static final EventCodec<AccountEvent> ACCOUNTS = BankCodecs.accounts();
    private static final EventCodec<TransferEvent> TRANSFERS = BankCodecs.transfers();
    private static final EventCodec<OrderEvent> ORDERS = OrdersCodecs.orders();
    private static final EventCodec<InventoryEvent> INVENTORY = OrdersCodecs.inventory();
    private static final List<String> CUSTOMERS = List.of("ada", "bob", "carla", "dmitri");
    private static final List<String> PRODUCTS = List.of("apple", "banana", "cherry", "pear", "plum", "fig");

    private final Random random;
    private final List<String> accounts = new ArrayList<>();
    private final List<String> transfers = new ArrayList<>();
    private final Map<String, List<String>> orderProducts = new HashMap<>();
    private final List<String> orders = new ArrayList<>();

    public Workload(long seed) {
        this.random = new Random(seed);
    }

    /** Appends {@code count} events to {@code store}. */
    public void append(EventAppender store, int count) {
        for (int i = 0; i < count; i++) {
            step(store);
        }
    }

    private void step(EventAppender store) {
        int dice = random.nextInt(10);
        if (dice < 4) {
            account(store);
        } else if (dice < 5) {
            transfer(store);
        } else if (dice < 8) {
            order(store);
        } else {
            String product = pick(PRODUCTS);
            long quantity = 1L + random.nextInt(9);
            InventoryEvent event = switch (random.nextInt(3)) {
                case 0 -> new InventoryEvent.StockAdded(product, quantity);
                case 1 -> new InventoryEvent.StockReserved(product, "o-" + random.nextInt(50), quantity);
                default -> new InventoryEvent.StockReleased(product, "o-" + random.nextInt(50), quantity);
            };
            store.append(
                    StreamName.of("inventory-" + product),
                    ExpectedVersion.any(),
                    List.of(INVENTORY.encode(event, id())));
        }
    }

    private void account(EventAppender store) {
        if (accounts.isEmpty() || random.nextInt(6) == 0) {
            String id = "a" + accounts.size();
            accounts.add(id);
            append(store, "account-" + id, ACCOUNTS.encode(new AccountEvent.AccountOpened(id, pick(CUSTOMERS)), id()));
            return;
        }
        String id = pick(accounts);
        AccountEvent event = switch (random.nextInt(12)) {
            case 0 -> new AccountEvent.AccountClosed();
            case 1, 2, 3, 4 -> new AccountEvent.Withdrew(1 + random.nextInt(100));
            default -> new AccountEvent.Deposited(1 + random.nextInt(500));
        };
        append(store, "account-" + id, ACCOUNTS.encode(event, id()));
    }

    private void transfer(EventAppender store) {
        if (transfers.isEmpty() || random.nextInt(3) == 0) {
            String id = "t" + transfers.size();
            transfers.add(id);
            TransferEvent started = new TransferEvent.TransferStarted(
                    id, "a" + random.nextInt(20), "a" + random.nextInt(20), 1 + random.nextInt(300));
            append(store, "transfer-" + id, TRANSFERS.encode(started, id()));
            return;
        }
        TransferEvent event = switch (random.nextInt(3)) {
            case 0 -> new TransferEvent.TransferDebited();
            case 1 -> new TransferEvent.TransferCompleted();
            default -> new TransferEvent.TransferFailed("reason " + random.nextInt(5));
        };
        append(store, "transfer-" + pick(transfers), TRANSFERS.encode(event, id()));
    }

    private void order(EventAppender store) {
        if (orders.isEmpty() || random.nextInt(4) == 0) {
            String id = "o" + orders.size();
            orders.add(id);
            List<OrderLine> lines = new ArrayList<>();
            List<String> products = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                String product = pick(PRODUCTS);
                lines.add(new OrderLine(product, 1 + random.nextInt(4), 100 + random.nextInt(900)));
                products.add(product);
            }
            orderProducts.put(id, products);
            append(store, "order-" + id, ORDERS.encode(new OrderEvent.OrderCreated(id, pick(CUSTOMERS), lines), id()));
            return;
        }
        String id = pick(orders);
        OrderEvent event = switch (random.nextInt(8)) {
            case 0, 1 -> {
                String product = pick(PRODUCTS);
                orderProducts.get(id).add(product);
                yield new OrderEvent.ItemAdded(product, 1 + random.nextInt(3), 100 + random.nextInt(900));
            }
            case 2 -> new OrderEvent.ItemRemoved(pick(orderProducts.get(id)), 1, 100 + random.nextInt(900));
            case 3 -> new OrderEvent.OrderConfirmed();
            case 4 -> new OrderEvent.OrderReadyToShip();
            case 5 -> new OrderEvent.OrderRejected("out of stock");
            default -> new OrderEvent.OrderShipped("dhl", "track-" + random.nextInt(1000));
        };
        append(store, "order-" + id, ORDERS.encode(event, id()));
    }

    private static void append(EventAppender store, String stream, io.annal.store.EventData event) {
        store.append(StreamName.of(stream), ExpectedVersion.any(), List.of(event));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private UUID id() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
