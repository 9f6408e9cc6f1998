package io.annal.projection;

import java.util.List;
import java.util.Optional;

/**
 * Where read models live: the plug-in point for SQL, cache and search stores.
 *
 * <p>A projection's data is kept per <em>generation</em>: each build from position 0 writes a new
 * generation beside the one that serves queries, and {@link #serve} switches queries over to it in
 * one atomic step, discarding the old one. A store keeps, next to each generation's data, its
 * checkpoint and its dead letters, so that applying events and moving the checkpoint happen
 * together (one transaction, or idempotent writes keyed by position).
 *
 * @param <C> what handlers get for one transaction
 */
public interface ProjectionStore<C> {

    /** The generation queries read now, empty before the projection's first build. */
    Optional<ServedGeneration> served(String projection);

    /** Opens {@code generation} as it was left, preparing it first if it was never started. */
    ProjectionSink open(Projection<C> projection, long generation) throws Exception;

    /** Starts {@code generation} afresh: whatever an earlier attempt left is discarded. */
    ProjectionSink create(Projection<C> projection, long generation) throws Exception;

    /**
     * Makes {@code generation} the one queries read, atomically, and discards the one served before,
     * with its checkpoint and dead letters.
     */
    void serve(String projection, long generation, int codeVersion) throws Exception;

    /** The parked events of a projection, oldest first. */
    List<DeadLetter> deadLetters(String projection) throws Exception;

    Optional<DeadLetter> deadLetter(String id) throws Exception;

    /** Forgets a parked event: the read model stays without it. */
    void skip(String id) throws Exception;

    /** The generation that serves queries and the projection version that built it. */
    record ServedGeneration(long generation, int codeVersion) {}
}
