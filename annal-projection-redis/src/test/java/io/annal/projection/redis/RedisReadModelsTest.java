package io.annal.projection.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.codec.EventCodec;
import io.annal.examples.Envelope;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.Balance;
import io.annal.examples.bank.BalanceView;
import io.annal.examples.bank.BankCodecs;
import io.annal.projection.DeadLetter;
import io.annal.projection.LiveView;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.ProjectionManager;
import io.annal.projection.ProjectionSink;
import io.annal.projection.ProjectionStatus;
import io.annal.projection.ProjectionStore.ServedGeneration;
import io.annal.projection.RunnerOptions;
import io.annal.store.Direction;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import io.annal.store.tck.RepeatingSubscriber;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

@SuppressWarnings("deprecation") // JedisPool: see RedisSink.
class RedisReadModelsTest {

    private static final EventCodec<AccountEvent> ACCOUNTS = BankCodecs.accounts();
    private static final RunnerOptions QUICK =
            RunnerOptions.defaults().withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4));

    private final JedisPool pool = TestRedis.freshPool();
    private final RedisReadModels models = RedisReadModels.using(pool);
    private final InMemoryEventStore store = InMemoryEventStore.create();

    @AfterEach
    void close() {
        store.close();
        pool.close();
    }

    /** Thrown where the process would have died, between queuing writes and EXEC. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash before EXEC");
        }
    }

    @Test
    void crashes_and_repeated_deliveries_leave_the_balances_equal_to_the_fold_of_the_log() {
        long seed = System.nanoTime();
        System.out.println("redis crashes_and_repeated_deliveries seed=" + seed);
        Random random = new Random(seed);
        Random crashes = new Random(random.nextLong());
        AtomicInteger crashed = new AtomicInteger();
        ProjectionHandler<RedisContext> balance = BalanceCache.projection().handler();
        Projection<RedisContext> crashing =
                Projection.of("balance", 1, EventFilter.streamPrefixes("account-"), (c, e) -> {
                    balance.handle(c, e);
                    boolean crash;
                    synchronized (crashes) {
                        crash = crashed.get() < 3 || crashes.nextInt(10) == 0;
                    }
                    if (crash) {
                        crashed.incrementAndGet();
                        throw new SimulatedCrash();
                    }
                });
        appendAccounts(random, 150);
        try (ProjectionManager manager = ProjectionManager.create(
                store,
                new RepeatingSubscriber(store, random.nextLong()),
                QUICK.withBatchSize(1 + random.nextInt(30)),
                InstantSource.system())) {
            manager.start(crashing, models);
            appendAccounts(random, 150);
            Position head = store.headPosition().orElseThrow();

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        if (manager.info("balance").status() == ProjectionStatus.FAILED) {
                            manager.resume("balance");
                        }
                        return manager.position("balance").filter(head::equals).isPresent();
                    });
        }
        assertThat(crashed.get()).isGreaterThanOrEqualTo(3);
        assertBalancesEqualTheFold();
    }

    @Test
    void a_batch_delivered_again_after_its_checkpoint_changes_nothing() throws Exception {
        appendAccounts(new Random(7), 80);
        List<RecordedEvent> events = store.readAll(Position.START, Direction.FORWARD, 4096, EventFilter.all())
                .events();
        Position head = events.getLast().position();
        ProjectionSink sink = models.create(BalanceCache.projection(), 1);
        models.serve("balance", 1, 1);
        int half = events.size() / 2;

        sink.apply(events.subList(0, half), events.get(half - 1).position());
        sink.apply(events.subList(0, half), events.get(half - 1).position());
        sink.apply(events, head);
        sink.apply(events.subList(half / 2, events.size()), head);

        assertThat(sink.checkpoint()).contains(head);
        assertBalancesEqualTheFold();
    }

    @Test
    void queries_during_a_rebuild_see_the_whole_old_model_or_the_whole_new_one() throws Exception {
        appendAccounts(new Random(11), 300);
        Semaphore gate = new Semaphore(Integer.MAX_VALUE);
        ProjectionHandler<RedisContext> balance = BalanceCache.projection().handler();
        Projection<RedisContext> gated = Projection.of("balance", 1, EventFilter.streamPrefixes("account-"), (c, e) -> {
            gate.acquire();
            balance.handle(c, e);
        });
        String complete = totals();
        try (ProjectionManager manager =
                ProjectionManager.create(store, store, QUICK.withBatchSize(5), InstantSource.system())) {
            manager.start(gated, models);
            assertThat(manager.awaitPosition("balance", store.headPosition().orElseThrow(), Duration.ofSeconds(30)))
                    .isTrue();
            AtomicBoolean querying = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
            AtomicInteger queries = new AtomicInteger();
            Thread reader = Thread.ofVirtual().start(() -> {
                while (querying.get()) {
                    seen.add(servedTotals());
                    queries.incrementAndGet();
                }
            });

            gate.drainPermits();
            manager.rebuild("balance");
            gate.release(20);
            await().atMost(Duration.ofSeconds(30)).until(() -> gate.availablePermits() == 0 && gate.hasQueuedThreads());
            int before = queries.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.get() > before + 10);
            assertThat(manager.info("balance").status()).isEqualTo(ProjectionStatus.REBUILDING);
            gate.release(Integer.MAX_VALUE / 2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> models.served("balance"), g -> g.equals(Optional.of(new ServedGeneration(2, 1))));
            int switched = queries.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> queries.get() > switched + 10);
            querying.set(false);
            reader.join();
            assertThat(seen).isNotEmpty().allMatch(complete::equals, complete);
        }
    }

    @Test
    void a_poison_event_is_parked_and_can_be_retried_or_skipped() throws Exception {
        AtomicBoolean cured = new AtomicBoolean();
        ProjectionHandler<RedisContext> balance = BalanceCache.projection().handler();
        Projection<RedisContext> picky = Projection.of("balance", 1, EventFilter.streamPrefixes("account-"), (c, e) -> {
            if (!cured.get() && e.type().equals("Withdrew")) {
                throw new IllegalStateException("no withdrawals today");
            }
            balance.handle(c, e);
        });
        append("a1", new AccountEvent.AccountOpened("a1", "ada"), new AccountEvent.Deposited(100));
        append("a1", new AccountEvent.Withdrew(30));
        append("a1", new AccountEvent.Withdrew(20));
        append("a1", new AccountEvent.Deposited(5));
        try (ProjectionManager manager = ProjectionManager.create(store, store, QUICK, InstantSource.system())) {
            manager.start(picky, models);
            assertThat(manager.awaitPosition("balance", store.headPosition().orElseThrow(), Duration.ofSeconds(10)))
                    .isTrue();
            List<DeadLetter> letters = manager.deadLetters();
            assertThat(letters).hasSize(2).allSatisfy(l -> assertThat(l.error()).contains("no withdrawals"));
            assertThat(BalanceCache.find(models, "a1")).map(Balance::balance).contains(105L);

            cured.set(true);
            manager.retryDeadLetter(letters.get(0).id());
            manager.skipDeadLetter(letters.get(1).id());

            assertThat(manager.deadLetters()).isEmpty();
            assertThat(BalanceCache.find(models, "a1")).map(Balance::balance).contains(75L);
        }
    }

    private void assertBalancesEqualTheFold() {
        for (var info : store.listStreams("account-", Optional.empty(), 1000)) {
            String id = info.stream().value().substring("account-".length());
            Balance expected = LiveView.load(
                    store,
                    info.stream(),
                    BalanceView.create(),
                    e -> Envelope.of(e.version(), e.recordedAt(), ACCOUNTS.decodeEvent(e)));
            assertThat(BalanceCache.find(models, id)).as("balance of %s", id).contains(expected);
        }
    }

    private String totals() {
        long accounts = 0;
        long sum = 0;
        for (var info : store.listStreams("account-", Optional.empty(), 1000)) {
            Balance b = LiveView.load(
                    store,
                    info.stream(),
                    BalanceView.create(),
                    e -> Envelope.of(e.version(), e.recordedAt(), ACCOUNTS.decodeEvent(e)));
            accounts++;
            sum += b.balance();
        }
        return accounts + " accounts, " + sum + " in total";
    }

    /** Reads every account's balance from the served build, as a query would. */
    private String servedTotals() {
        return models.query((jedis, keys) -> {
            String prefix = keys.key("balance", "");
            long accounts = 0;
            long sum = 0;
            for (var info : store.listStreams("account-", Optional.empty(), 1000)) {
                String value = jedis.hget(prefix + info.stream().value().substring("account-".length()), "balance");
                if (value != null) {
                    accounts++;
                    sum += Long.parseLong(value);
                }
            }
            return accounts + " accounts, " + sum + " in total";
        });
    }

    private void appendAccounts(Random random, int count) {
        List<String> open = new ArrayList<>(store.listStreams("account-", Optional.empty(), 1000).stream()
                .map(i -> i.stream().value().substring("account-".length()))
                .toList());
        for (int i = 0; i < count; i++) {
            if (open.isEmpty() || random.nextInt(6) == 0) {
                String id = "a" + open.size();
                open.add(id);
                append(id, new AccountEvent.AccountOpened(id, "owner-" + random.nextInt(5)));
            } else {
                String id = open.get(random.nextInt(open.size()));
                append(
                        id,
                        switch (random.nextInt(10)) {
                            case 0 -> new AccountEvent.AccountClosed();
                            case 1, 2, 3 -> new AccountEvent.Withdrew(1L + random.nextInt(50));
                            default -> new AccountEvent.Deposited(1L + random.nextInt(200));
                        });
            }
        }
    }

    private void append(String id, AccountEvent... events) {
        List<io.annal.store.EventData> data = new ArrayList<>();
        for (AccountEvent event : events) {
            data.add(ACCOUNTS.encode(event, UUID.randomUUID()));
        }
        store.append(StreamName.of("account-" + id), ExpectedVersion.any(), data);
    }
}
