/**
 * Cache read models in Redis. {@link io.annal.projection.redis.RedisReadModels} is the door: a
 * {@link io.annal.projection.ProjectionStore} whose handlers queue writes into the {@code
 * MULTI}/{@code EXEC} transaction that also moves the checkpoint.
 */
package io.annal.projection.redis;
