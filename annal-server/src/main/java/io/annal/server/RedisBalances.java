package io.annal.server;

import io.annal.examples.bank.Balance;
import io.annal.projection.ProjectionManager;
import io.annal.projection.redis.RedisReadModels;
import io.annal.readmodels.BalanceCacheReadModel;
import java.net.URI;
import java.util.Optional;
import redis.clients.jedis.JedisPool;

/** Balances kept in Redis by their own projection ({@code --redis-url}), shared by every server. */
@SuppressWarnings("deprecation") // JedisPool: as annal-projection-redis uses it
final class RedisBalances implements AutoCloseable {

    static final String NAME = BalanceCacheReadModel.projection().name();

    private final JedisPool pool;
    private final RedisReadModels models;

    private RedisBalances(JedisPool pool) {
        this.pool = pool;
        this.models = RedisReadModels.using(pool);
    }

    static RedisBalances connect(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--redis-url must be a URL such as redis://host:6379 (got '" + url + "')");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--redis-url must start with redis:// or rediss:// (got '" + url + "')");
        }
        return new RedisBalances(new JedisPool(uri));
    }

    void start(ProjectionManager manager) {
        manager.start(BalanceCacheReadModel.projection(), models);
    }

    Optional<Balance> find(String accountId) {
        return BalanceCacheReadModel.find(models, accountId);
    }

    @Override
    public void close() {
        pool.close();
    }
}
