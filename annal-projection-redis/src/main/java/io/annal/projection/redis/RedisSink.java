package io.annal.projection.redis;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionSink;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Transaction;

/**
 * One build of one Redis projection. Each step watches the checkpoint key, reads it, and queues
 * the handler's writes and the new checkpoint into one {@code MULTI}/{@code EXEC}: Redis runs them
 * all or, if the checkpoint moved meanwhile, none, and the step starts again.
 */
// JedisPool is deprecated in Jedis 8 for RedisClient, but WATCH, a read, then MULTI on one
// dedicated connection is what this needs, and the pool's Jedis does exactly that.
@SuppressWarnings("deprecation")
final class RedisSink implements ProjectionSink {

    @FunctionalInterface
    private interface Step {
        /** Queues the step's writes; returns false to queue nothing and end. */
        boolean queue(Transaction transaction, long stored) throws Exception;
    }

    private final JedisPool pool;
    private final Projection<RedisContext> projection;
    private final long generation;
    private final InstantSource clock;
    private final String checkpointKey;

    RedisSink(JedisPool pool, Projection<RedisContext> projection, long generation, InstantSource clock) {
        this.pool = pool;
        this.projection = projection;
        this.generation = generation;
        this.clock = clock;
        this.checkpointKey = Keys.checkpoint(projection.name(), generation);
    }

    @Override
    public Optional<Position> checkpoint() {
        try (Jedis jedis = pool.getResource()) {
            long stored = stored(jedis);
            return stored < 0 ? Optional.empty() : Optional.of(Position.of(stored));
        }
    }

    @Override
    public void apply(List<RecordedEvent> events, Position upTo) throws Exception {
        run((transaction, stored) -> {
            RedisContext context = new RedisContext(transaction, Keys.prefix(projection.name(), generation));
            for (RecordedEvent event : events) {
                if (event.position().value() > stored) {
                    projection.handler().handle(context, event);
                }
            }
            if (upTo.value() > stored) {
                transaction.set(checkpointKey, Long.toString(upTo.value()));
            }
            return true;
        });
    }

    @Override
    public void park(RecordedEvent event, String error, int attempts) throws Exception {
        run((transaction, stored) -> {
            if (event.position().value() <= stored) {
                return false;
            }
            String id = UUID.randomUUID().toString();
            long now = clock.millis();
            transaction.hset(
                    Keys.deadLetter(id),
                    DeadLetterHashes.of(id, projection.name(), generation, event, error, attempts, clock.instant()));
            transaction.zadd(Keys.deadLetters(projection.name()), (double) now, id);
            transaction.set(checkpointKey, Long.toString(event.position().value()));
            return true;
        });
    }

    @Override
    public void retry(DeadLetter letter, RecordedEvent event) throws Exception {
        try (Jedis jedis = pool.getResource()) {
            jedis.watch(Keys.deadLetter(letter.id()));
            if (!jedis.exists(Keys.deadLetter(letter.id()))) {
                jedis.unwatch();
                throw new ProjectionException("dead letter " + letter.id() + " was already retried or skipped");
            }
            Transaction transaction = jedis.multi();
            try {
                projection
                        .handler()
                        .handle(new RedisContext(transaction, Keys.prefix(projection.name(), generation)), event);
            } catch (Exception | Error e) {
                transaction.discard();
                throw e;
            }
            transaction.del(Keys.deadLetter(letter.id()));
            transaction.zrem(Keys.deadLetters(projection.name()), letter.id());
            if (transaction.exec() == null) {
                throw new ProjectionException("dead letter " + letter.id() + " changed during the retry; try again");
            }
        }
    }

    private void run(Step step) throws Exception {
        try (Jedis jedis = pool.getResource()) {
            while (true) {
                jedis.watch(checkpointKey);
                long stored = stored(jedis);
                Transaction transaction = jedis.multi();
                boolean queued;
                try {
                    queued = step.queue(transaction, stored);
                } catch (Exception | Error e) {
                    transaction.discard();
                    throw e;
                }
                if (!queued) {
                    transaction.discard();
                    return;
                }
                if (transaction.exec() != null) {
                    return;
                }
                // Another writer moved the checkpoint: read it again and redo the step.
            }
        }
    }

    private long stored(Jedis jedis) {
        String value = jedis.get(checkpointKey);
        if (value == null) {
            throw new ProjectionException("build " + generation + " of projection '" + projection.name()
                    + "' is gone (a rebuild replaced it); this runner should have stopped");
        }
        return Long.parseLong(value);
    }
}
