package io.annal.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.Balance;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.bank.TransferSummary;
import io.annal.examples.orders.InventoryEvent;
import io.annal.examples.orders.OrderEvent;
import io.annal.examples.orders.OrderLine;
import io.annal.examples.orders.OrderSummary;
import io.annal.examples.orders.OrdersCodecs;
import io.annal.examples.orders.StockLevel;
import io.annal.projection.ProjectionManager;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.projection.jdbc.ReadModelDatabase;
import io.annal.projection.jdbc.SqlDialect;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReferenceReadModelsTest {

    private static final EventCodec<AccountEvent> ACCOUNTS = BankCodecs.accounts();
    private static final EventCodec<TransferEvent> TRANSFERS = BankCodecs.transfers();
    private static final EventCodec<OrderEvent> ORDERS = OrdersCodecs.orders();
    private static final EventCodec<InventoryEvent> INVENTORY = OrdersCodecs.inventory();

    @TempDir
    Path directory;

    private final InMemoryEventStore store = InMemoryEventStore.create();
    private ReadModelDatabase database;
    private ProjectionManager manager;

    @BeforeEach
    void startProjections() {
        database = ReadModelDatabase.open(SqlDialect.SQLITE, directory);
        manager = startAll(store, database.models());
    }

    @AfterEach
    void stop() {
        manager.close();
        database.close();
        store.close();
    }

    static ProjectionManager startAll(InMemoryEventStore store, JdbcReadModels models) {
        ProjectionManager manager = ProjectionManager.create(store);
        manager.start(BalanceReadModel.projection(), models);
        manager.start(StatementReadModel.projection(), models);
        manager.start(TransferReadModel.projection(), models);
        manager.start(OrderReadModel.projection(), models);
        manager.start(StockReadModel.projection(), models);
        return manager;
    }

    @Test
    void balance_follows_deposits_withdrawals_and_closing_with_the_stream_version() throws Exception {
        account("a-1", new AccountEvent.AccountOpened("a-1", "Ada"), new AccountEvent.Deposited(50));
        account("a-1", new AccountEvent.Withdrew(20), new AccountEvent.Withdrew(30), new AccountEvent.AccountClosed());
        caughtUp("balance");

        assertThat(BalanceReadModel.find(database.models(), "a-1")).contains(new Balance("a-1", "Ada", 0, "closed", 4));
        assertThat(BalanceReadModel.find(database.models(), "a-2")).isEmpty();
    }

    @Test
    void statement_lists_each_movement_with_the_balance_after_it() throws Exception {
        account("a-1", new AccountEvent.AccountOpened("a-1", "Ada"), new AccountEvent.Deposited(50));
        account("a-1", new AccountEvent.Withdrew(20));
        caughtUp("statement");

        var statement = StatementReadModel.find(database.models(), "a-1").orElseThrow();
        assertThat(statement.accountId()).isEqualTo("a-1");
        assertThat(statement.entries())
                .extracting(e -> e.version() + " " + e.type() + " " + e.amount() + " " + e.balanceAfter())
                .containsExactly("1 Deposited 50 50", "2 Withdrew 20 30");
    }

    @Test
    void a_failed_transfer_keeps_its_reason() throws Exception {
        transfer("t-1", new TransferEvent.TransferStarted("t-1", "a-1", "a-2", 40));
        transfer("t-2", new TransferEvent.TransferStarted("t-2", "a-1", "a-2", 70));
        transfer("t-1", new TransferEvent.TransferDebited(), new TransferEvent.TransferCompleted());
        transfer("t-2", new TransferEvent.TransferFailed("account-not-open"));
        caughtUp("transfers");

        assertThat(TransferReadModel.find(database.models(), "t-1"))
                .contains(new TransferSummary("t-1", "completed", "a-1", "a-2", 40, Optional.empty()));
        assertThat(TransferReadModel.find(database.models(), "t-2"))
                .contains(new TransferSummary("t-2", "failed", "a-1", "a-2", 70, Optional.of("account-not-open")));
    }

    @Test
    void order_summary_counts_units_and_totals_and_shows_the_shipment() throws Exception {
        order(
                "o-1",
                new OrderEvent.OrderCreated("o-1", "ada", List.of(new OrderLine("apple", 2, 150))),
                new OrderEvent.ItemAdded("pear", 3, 100),
                new OrderEvent.ItemRemoved("apple", 1, 150),
                new OrderEvent.OrderConfirmed(),
                new OrderEvent.OrderReadyToShip(),
                new OrderEvent.OrderShipped("dhl", "track-1"));
        caughtUp("orders");

        assertThat(OrderReadModel.find(database.models(), "o-1"))
                .contains(
                        new OrderSummary("o-1", "ada", "shipped", 4, 450, Optional.of("dhl"), Optional.of("track-1")));
    }

    @Test
    void order_search_matches_customer_status_and_text_in_products_or_customer() throws Exception {
        order("o-1", new OrderEvent.OrderCreated("o-1", "ada", List.of(new OrderLine("Green-Apple", 1, 100))));
        order("o-2", new OrderEvent.OrderCreated("o-2", "bob", List.of(new OrderLine("pear", 1, 100))));
        order("o-2", new OrderEvent.OrderConfirmed());
        order("o-3", new OrderEvent.OrderCreated("o-3", "adam", List.of(new OrderLine("plum", 1, 100))));
        order("o-3", new OrderEvent.ItemRemoved("plum", 1, 100));
        caughtUp("orders");

        assertThat(search(Optional.empty(), Optional.empty(), Optional.of("apple")))
                .containsExactly("o-1");
        assertThat(search(Optional.empty(), Optional.empty(), Optional.of("ada")))
                .containsExactly("o-1", "o-3");
        assertThat(search(Optional.empty(), Optional.empty(), Optional.of("plum")))
                .isEmpty();
        assertThat(search(Optional.empty(), Optional.of("confirmed"), Optional.empty()))
                .containsExactly("o-2");
        assertThat(search(Optional.of("bob"), Optional.empty(), Optional.of("pe")))
                .containsExactly("o-2");
        assertThat(search(Optional.empty(), Optional.empty(), Optional.of("%"))).isEmpty();
    }

    @Test
    void stock_moves_units_between_available_and_reserved() throws Exception {
        inventory("apple", new InventoryEvent.StockAdded("apple", 10));
        inventory("apple", new InventoryEvent.StockReserved("apple", "o-1", 4));
        inventory("apple", new InventoryEvent.StockReleased("apple", "o-1", 1));
        caughtUp("stock");

        assertThat(StockReadModel.find(database.models(), "apple")).contains(new StockLevel("apple", 7, 3));
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void every_read_model_equals_the_fold_of_a_random_log(SqlDialect dialect) throws Exception {
        long seed = System.nanoTime();
        System.out.println("every_read_model_equals_the_fold_of_a_random_log " + dialect + " seed=" + seed);
        Path files = Files.createDirectories(directory.resolve(dialect.name()));
        try (InMemoryEventStore log = InMemoryEventStore.create();
                ReadModelDatabase db = ReadModelDatabase.open(dialect, files);
                ProjectionManager projections = startAll(log, db.models())) {
            new Workload(seed).append(log, 400);
            Position head = log.headPosition().orElseThrow();
            for (String name : List.of("balance", "statement", "transfers", "orders", "stock")) {
                assertThat(projections.awaitPosition(name, head, Duration.ofSeconds(30)))
                        .isTrue();
            }
            FoldOfTheLog.assertBankModelsMatch(log, db.models());
            FoldOfTheLog.assertOrdersModelsMatch(log, db.models());
        }
    }

    private List<String> search(Optional<String> customer, Optional<String> status, Optional<String> text) {
        return OrderReadModel.search(database.models(), customer, status, text).stream()
                .map(OrderSummary::orderId)
                .toList();
    }

    private void caughtUp(String projection) throws InterruptedException {
        assertThat(manager.awaitPosition(projection, store.headPosition().orElseThrow(), Duration.ofSeconds(10)))
                .isTrue();
    }

    private void account(String id, AccountEvent... events) {
        append(
                "account-" + id,
                Arrays.stream(events)
                        .map(e -> ACCOUNTS.encode(e, UUID.randomUUID()))
                        .toList());
    }

    private void transfer(String id, TransferEvent... events) {
        append(
                "transfer-" + id,
                Arrays.stream(events)
                        .map(e -> TRANSFERS.encode(e, UUID.randomUUID()))
                        .toList());
    }

    private void order(String id, OrderEvent... events) {
        append(
                "order-" + id,
                Arrays.stream(events)
                        .map(e -> ORDERS.encode(e, UUID.randomUUID()))
                        .toList());
    }

    private void inventory(String id, InventoryEvent... events) {
        append(
                "inventory-" + id,
                Arrays.stream(events)
                        .map(e -> INVENTORY.encode(e, UUID.randomUUID()))
                        .toList());
    }

    private void append(String stream, List<EventData> events) {
        store.append(StreamName.of(stream), ExpectedVersion.any(), events);
    }
}
