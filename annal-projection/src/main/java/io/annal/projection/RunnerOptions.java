package io.annal.projection;

import java.time.Duration;
import java.util.Objects;

/**
 * How runners batch and retry.
 *
 * @param batchSize the most events applied in one transaction; fewer once caught up
 * @param maxAttempts tries of one event before the {@link FailurePolicy} decides
 * @param firstBackoff the wait after the first failure, doubling up to {@code maxBackoff}
 */
public record RunnerOptions(
        int batchSize, int maxAttempts, Duration firstBackoff, Duration maxBackoff, FailurePolicy onPoison) {

    public RunnerOptions {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(onPoison, "onPoison");
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts are 1 or more");
        }
    }

    /** 256 events per batch, 5 tries from 50 ms up to 2 s, poison events parked. */
    public static RunnerOptions defaults() {
        return new RunnerOptions(256, 5, Duration.ofMillis(50), Duration.ofSeconds(2), FailurePolicy.PARK_AND_CONTINUE);
    }

    public RunnerOptions withBatchSize(int size) {
        return new RunnerOptions(size, maxAttempts, firstBackoff, maxBackoff, onPoison);
    }

    public RunnerOptions withRetries(int attempts, Duration first, Duration max) {
        return new RunnerOptions(batchSize, attempts, first, max, onPoison);
    }

    public RunnerOptions withPoisonPolicy(FailurePolicy policy) {
        return new RunnerOptions(batchSize, maxAttempts, firstBackoff, maxBackoff, policy);
    }

    Duration backoff(int failedAttempts) {
        long factor = 1L << Math.min(failedAttempts - 1, 20);
        Duration wait = firstBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
