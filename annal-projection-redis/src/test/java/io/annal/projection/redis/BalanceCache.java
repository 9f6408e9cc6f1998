package io.annal.projection.redis;

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
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractTransaction;

/** The balance read model as a Redis hash per account, written without reading. */
final class BalanceCache implements ProjectionHandler<RedisContext> {

    private static final EventCodec<AccountEvent> CODEC = BankCodecs.accounts();

    static Projection<RedisContext> projection() {
        return Projection.of("balance", 1, EventFilter.streamPrefixes("account-"), new BalanceCache());
    }

    @Override
    public void handle(RedisContext context, RecordedEvent event) {
        String name = event.stream().value();
        String key = context.key(name.substring(name.indexOf('-') + 1));
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

    static Optional<Balance> find(RedisReadModels models, String accountId) {
        return models.query((jedis, keys) -> {
            Map<String, String> hash = jedis.hgetAll(keys.key("balance", accountId));
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
