package io.annal.readmodels;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;
import io.annal.examples.bank.Balance;
import io.annal.examples.bank.BankCodecs;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.redis.RedisContext;
import io.annal.projection.redis.RedisReadModels;
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractTransaction;

/**
 * {@code GET /queries/balance/{accountId}} as a Redis hash per account ({@code balance_cache}),
 * written without reading so that the store's idempotent apply keeps it exact.
 */
public final class BalanceCacheReadModel implements ProjectionHandler<RedisContext> {

    private static final EventCodec<AccountEvent> CODEC = BankCodecs.accounts();
    private static final String NAME = "balance_cache";

    private BalanceCacheReadModel() {}

    public static Projection<RedisContext> projection() {
        return Projection.of(NAME, 1, EventFilter.streamPrefixes("account-"), new BalanceCacheReadModel());
    }

    @Override
    public void handle(RedisContext context, RecordedEvent event) {
        String key = context.key(Sql.idOf(event.stream()));
        String version = Long.toString(event.version());
        AbstractTransaction t = context.transaction();
        switch (CODEC.decodeEvent(event)) {
            case AccountOpened opened ->
                t.hset(
                        key,
                        Map.of(
                                "accountId",
                                opened.accountId(),
                                "owner",
                                opened.owner(),
                                "balance",
                                "0",
                                "status",
                                "open",
                                "version",
                                version));
            case Deposited deposited -> {
                t.hincrBy(key, "balance", deposited.amount());
                t.hset(key, "version", version);
            }
            case Withdrew withdrew -> {
                t.hincrBy(key, "balance", -withdrew.amount());
                t.hset(key, "version", version);
            }
            case AccountClosed closed -> t.hset(key, Map.of("status", "closed", "version", version));
        }
    }

    /** The balance of {@code accountId}; empty when unknown or before the first build is served. */
    public static Optional<Balance> find(RedisReadModels models, String accountId) {
        if (models.served(NAME).isEmpty()) {
            return Optional.empty();
        }
        return models.query((jedis, keys) -> {
            Map<String, String> hash = jedis.hgetAll(keys.key(NAME, accountId));
            if (hash.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Balance(
                    hash.get("accountId"),
                    hash.get("owner"),
                    Long.parseLong(hash.get("balance")),
                    hash.get("status"),
                    Long.parseLong(hash.get("version"))));
        });
    }
}
