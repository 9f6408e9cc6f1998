package io.annal.store.postgres;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether {@code $all} subscriptions are held back. They deliver only events of transactions
 * older than every transaction still open in the database, so one long-open transaction delays
 * them all. {@code eventsWaiting} committed events are held back, the oldest of them for {@code
 * waitingFor}; {@code stalled} once that passes the configured threshold. {@code stallsReported}
 * counts the stalls reported since the store opened; {@code blocker} describes the oldest open
 * transaction when PostgreSQL lets the store see it.
 */
public record HorizonStatus(
        long eventsWaiting, Duration waitingFor, boolean stalled, long stallsReported, Optional<String> blocker) {}
