package io.annal.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.codec.EventCodec;
import io.annal.domain.View;
import io.annal.examples.Envelope;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.BalanceView;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.StatementView;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.bank.TransferView;
import io.annal.examples.orders.InventoryEvent;
import io.annal.examples.orders.OrderEvent;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrderSummary;
import io.annal.examples.orders.OrderSummaryView;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.examples.orders.StockView;
import io.annal.projection.LiveView;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamInfo;
import io.annal.store.StreamName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference views of {@code annal-examples} folded straight from the log, and the check that
 * every SQL read model holds exactly that: R6's "the read model equals the pure fold of the log".
 */
public final class FoldOfTheLog {

    private static final EventCodec<AccountEvent> ACCOUNTS = BankCodecs.accounts();
    private static final EventCodec<TransferEvent> TRANSFERS = BankCodecs.transfers();
    private static final EventCodec<OrderEvent> ORDERS = OrdersCodecs.orders();
    private static final EventCodec<InventoryEvent> INVENTORY = OrdersCodecs.inventory();

    private FoldOfTheLog() {}

    public static void assertBankModelsMatch(EventStore store, JdbcReadModels models) {
        List<StreamName> accounts = streams(store, "account-");
        for (StreamName stream : accounts) {
            String id = Sql.idOf(stream);
            Function<RecordedEvent, Envelope<AccountEvent>> decode =
                    e -> Envelope.of(e.version(), e.recordedAt(), ACCOUNTS.decodeEvent(e));
            assertThat(BalanceReadModel.find(models, id))
                    .as("balance of %s", id)
                    .contains(LiveView.load(store, stream, BalanceView.create(), decode));
            assertThat(StatementReadModel.find(models, id))
                    .as("statement of %s", id)
                    .contains(LiveView.load(store, stream, StatementView.create(), decode));
        }
        assertThat(count(models, "balance")).isEqualTo(accounts.size());
        assertThat(count(models, "statement_accounts")).isEqualTo(accounts.size());
        List<StreamName> transfers = streams(store, "transfer-");
        for (StreamName stream : transfers) {
            assertThat(TransferReadModel.find(models, Sql.idOf(stream)))
                    .as("transfer %s", stream)
                    .contains(fold(store, stream, TransferView.create(), TRANSFERS));
        }
        assertThat(count(models, "transfers")).isEqualTo(transfers.size());
    }

    public static void assertOrdersModelsMatch(EventStore store, JdbcReadModels models) {
        List<StreamName> inventory = streams(store, "inventory-");
        for (StreamName stream : inventory) {
            assertThat(StockReadModel.find(models, Sql.idOf(stream)))
                    .as("stock of %s", stream)
                    .contains(fold(store, stream, StockView.create(), INVENTORY));
        }
        assertThat(count(models, "stock")).isEqualTo(inventory.size());
        Map<OrderSummary, List<String>> orders = new HashMap<>();
        for (StreamName stream : streams(store, "order-")) {
            OrderSummary expected = fold(store, stream, OrderSummaryView.create(), ORDERS);
            assertThat(OrderReadModel.find(models, Sql.idOf(stream)))
                    .as("order %s", stream)
                    .contains(expected);
            orders.put(expected, productsHeld(store, stream));
        }
        assertThat(count(models, "orders")).isEqualTo(orders.size());
        for (String text : List.of("ap", "AN", "PL", "ada", "carla", "zzz")) {
            assertSearch(models, orders, Optional.empty(), Optional.empty(), Optional.of(text));
        }
        assertSearch(models, orders, Optional.of("bob"), Optional.of("confirmed"), Optional.empty());
        assertSearch(models, orders, Optional.empty(), Optional.of("shipped"), Optional.of("e"));
    }

    private static void assertSearch(
            JdbcReadModels models,
            Map<OrderSummary, List<String>> orders,
            Optional<String> customer,
            Optional<String> status,
            Optional<String> text) {
        List<OrderSummary> expected = new ArrayList<>();
        orders.forEach((order, products) -> {
            boolean matches = customer.map(order.customerId()::equals).orElse(true)
                    && status.map(order.status()::equals).orElse(true)
                    && OrderReadModel.words(text).stream()
                            .allMatch(w -> contains(order.customerId(), w)
                                    || products.stream().anyMatch(p -> contains(p, w)));
            if (matches) {
                expected.add(order);
            }
        });
        expected.sort(Comparator.comparing(OrderSummary::orderId));
        assertThat(OrderReadModel.search(models, customer, status, text))
                .as("search customer=%s status=%s q=%s", customer, status, text)
                .containsExactlyElementsOf(expected);
    }

    private static boolean contains(String value, String text) {
        return value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    private static List<String> productsHeld(EventStore store, StreamName stream) {
        Map<String, Long> held = new HashMap<>();
        for (RecordedEvent event : events(store, stream)) {
            switch (ORDERS.decodeEvent(event)) {
                case OrderEvent.OrderCreated created -> {
                    for (OrderLine line : created.items()) {
                        held.merge(line.productId(), line.quantity(), Long::sum);
                    }
                }
                case OrderEvent.ItemAdded added -> held.merge(added.productId(), added.quantity(), Long::sum);
                case OrderEvent.ItemRemoved removed -> held.merge(removed.productId(), -removed.quantity(), Long::sum);
                default -> {}
            }
        }
        return held.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static <E, S> S fold(EventStore store, StreamName stream, View<E, S> view, EventCodec<E> codec) {
        return LiveView.load(store, stream, view, codec::decodeEvent);
    }

    private static List<RecordedEvent> events(EventStore store, StreamName stream) {
        return store.readStream(stream, 0, Direction.FORWARD, 4096).events();
    }

    private static long count(JdbcReadModels models, String view) {
        return models.query(c ->
                Sql.select(c, "SELECT COUNT(*) FROM " + view, r -> r.getLong(1)).getFirst());
    }

    private static List<StreamName> streams(EventStore store, String prefix) {
        List<StreamName> names = new ArrayList<>();
        Optional<StreamName> after = Optional.empty();
        while (true) {
            List<StreamInfo> page = store.listStreams(prefix, after, 500);
            page.forEach(info -> names.add(info.stream()));
            if (page.size() < 500) {
                return names;
            }
            after = Optional.of(page.getLast().stream());
        }
    }
}
