package io.annal.projection.redis;

import java.util.Objects;
import redis.clients.jedis.AbstractTransaction;

/**
 * What a Redis handler gets: the open {@code MULTI} transaction that also moves the checkpoint, and
 * the key names of this build. Writes are queued and run together at {@code EXEC}; a handler
 * cannot read what it queued, so it writes with commands that need no prior read ({@code HSET},
 * {@code HINCRBY}, {@code SADD}). Commands must fit the keys' types: Redis does not roll back a
 * command that fails inside {@code EXEC}.
 */
public final class RedisContext {

    private final AbstractTransaction transaction;
    private final String prefix;

    RedisContext(AbstractTransaction transaction, String prefix) {
        this.transaction = transaction;
        this.prefix = prefix;
    }

    public AbstractTransaction transaction() {
        return transaction;
    }

    /** This build's name for the read model's key {@code logical}, e.g. {@code balance:a-1}. */
    public String key(String logical) {
        Objects.requireNonNull(logical, "logical");
        return prefix + logical;
    }
}
