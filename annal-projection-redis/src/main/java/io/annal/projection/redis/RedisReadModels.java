package io.annal.projection.redis;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionSink;
import io.annal.projection.ProjectionStore;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Cache read models in Redis, with their checkpoints and dead letters in the same Redis.
 *
 * <p>Exactly-once effect without rollback: a batch's writes and its checkpoint run in one {@code
 * MULTI}/{@code EXEC} guarded by {@code WATCH} on the checkpoint, and events at or before the
 * checkpoint are skipped, so redelivery changes nothing.
 *
 * <p>Rebuilds: each build writes keys of its own ({@code balance:g2:...}); queries find the served
 * build through {@link #key}. A switch re-points {@code annal:served} in one command; the build
 * served before stays readable until the next switch, so a query that looked up the old build a
 * moment earlier still reads a whole model.
 */
@SuppressWarnings("deprecation") // JedisPool: see RedisSink.
public final class RedisReadModels implements ProjectionStore<RedisContext> {

    private static final int SCAN_BATCH = 500;

    private final JedisPool pool;
    private final InstantSource clock;

    private RedisReadModels(JedisPool pool, InstantSource clock) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static RedisReadModels using(JedisPool pool) {
        return new RedisReadModels(pool, InstantSource.system());
    }

    /**
     * Runs a query with the served build's key names: {@code keys.apply(projection, logical)} gives
     * the key to read, or throws when the projection has never been served.
     */
    public <T> T query(BiFunction<Jedis, ServedKeys, T> query) {
        try (Jedis jedis = pool.getResource()) {
            return query.apply(jedis, (projection, logical) -> key(jedis, projection, logical));
        }
    }

    /** Resolves a read model's key in the build that serves now. */
    @FunctionalInterface
    public interface ServedKeys {
        String key(String projection, String logical);
    }

    private static String key(Jedis jedis, String projection, String logical) {
        String served = jedis.hget(Keys.SERVED, projection);
        if (served == null) {
            throw new ProjectionException("projection '" + projection + "' has not been built yet");
        }
        return Keys.prefix(projection, parse(served).generation()) + logical;
    }

    @Override
    public Optional<ServedGeneration> served(String projection) {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.hget(Keys.SERVED, projection)).map(RedisReadModels::parse);
        }
    }

    @Override
    public ProjectionSink open(Projection<RedisContext> projection, long generation) {
        try (Jedis jedis = pool.getResource()) {
            if (jedis.exists(Keys.checkpoint(projection.name(), generation))) {
                return new RedisSink(pool, projection, generation, clock);
            }
        }
        return create(projection, generation);
    }

    @Override
    public ProjectionSink create(Projection<RedisContext> projection, long generation) {
        try (Jedis jedis = pool.getResource()) {
            discard(jedis, projection.name(), generation);
            jedis.set(Keys.checkpoint(projection.name(), generation), "-1");
        }
        return new RedisSink(pool, projection, generation, clock);
    }

    @Override
    public void serve(String projection, long generation, int codeVersion) {
        try (Jedis jedis = pool.getResource()) {
            Optional<ServedGeneration> old =
                    Optional.ofNullable(jedis.hget(Keys.SERVED, projection)).map(RedisReadModels::parse);
            Optional<String> retired = Optional.ofNullable(jedis.hget(Keys.RETIRED, projection));
            Transaction transaction = jedis.multi();
            transaction.hset(Keys.SERVED, projection, generation + ":" + codeVersion);
            old.filter(o -> o.generation() != generation)
                    .ifPresent(o -> transaction.hset(Keys.RETIRED, projection, Long.toString(o.generation())));
            transaction.exec();
            // The build retired at the previous switch has had a whole rebuild's time to drain.
            if (old.isPresent() && old.get().generation() != generation) {
                retired.map(Long::parseLong).filter(g -> g != generation).ifPresent(g -> discard(jedis, projection, g));
                jedis.del(Keys.checkpoint(projection, old.get().generation()));
                removeDeadLetters(jedis, projection, old.get().generation());
            }
        }
    }

    @Override
    public List<DeadLetter> deadLetters(String projection) {
        try (Jedis jedis = pool.getResource()) {
            List<DeadLetter> letters = new ArrayList<>();
            for (String id : jedis.zrange(Keys.deadLetters(projection), 0, -1)) {
                Map<String, String> hash = jedis.hgetAll(Keys.deadLetter(id));
                if (!hash.isEmpty()) {
                    letters.add(DeadLetterHashes.read(hash));
                }
            }
            return letters;
        }
    }

    @Override
    public Optional<DeadLetter> deadLetter(String id) {
        try (Jedis jedis = pool.getResource()) {
            Map<String, String> hash = jedis.hgetAll(Keys.deadLetter(id));
            return hash.isEmpty() ? Optional.empty() : Optional.of(DeadLetterHashes.read(hash));
        }
    }

    @Override
    public void skip(String id) {
        try (Jedis jedis = pool.getResource()) {
            Optional<DeadLetter> letter = deadLetter(id);
            letter.ifPresent(l -> {
                Transaction transaction = jedis.multi();
                transaction.del(Keys.deadLetter(id));
                transaction.zrem(Keys.deadLetters(l.projection()), id);
                transaction.exec();
            });
        }
    }

    private static void removeDeadLetters(Jedis jedis, String projection, long generation) {
        for (String id : jedis.zrange(Keys.deadLetters(projection), 0, -1)) {
            String owner = jedis.hget(Keys.deadLetter(id), "generation");
            if (owner == null || Long.parseLong(owner) == generation) {
                jedis.del(Keys.deadLetter(id));
                jedis.zrem(Keys.deadLetters(projection), id);
            }
        }
    }

    /** Deletes a build's data, checkpoint and dead letters. */
    private static void discard(Jedis jedis, String projection, long generation) {
        ScanParams match = new ScanParams()
                .match(Keys.prefix(projection, generation) + "*")
                .count(SCAN_BATCH);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                jedis.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        jedis.del(Keys.checkpoint(projection, generation));
        removeDeadLetters(jedis, projection, generation);
    }

    private static ServedGeneration parse(String value) {
        int colon = value.indexOf(':');
        return new ServedGeneration(
                Long.parseLong(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1)));
    }
}
