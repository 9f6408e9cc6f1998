package io.annal.command;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a command is decided again after a concurrency conflict, and how long to wait in
 * between: a random delay up to {@code baseDelay × 2^(retry−1)}, capped at {@code maxDelay}
 * ("full jitter"), so that writers that collided do not collide again in lockstep.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    private static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(20));

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a command is attempted at least once (got " + maxAttempts + ")");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(
                    "delays must satisfy 0 <= baseDelay <= maxDelay (got " + baseDelay + ", " + maxDelay + ")");
        }
    }

    /** Five attempts, waiting up to 1, 2, 4 then 8 ms between them. */
    public static RetryPolicy defaults() {
        return DEFAULT;
    }

    /** {@code maxAttempts} attempts with the default delays. */
    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, DEFAULT.baseDelay, DEFAULT.maxDelay);
    }

    /** Only one attempt: a conflict is reported at once. */
    public static RetryPolicy none() {
        return attempts(1);
    }

    /** The wait before retry number {@code retry} (from 1). */
    Duration delayBefore(int retry, RandomGenerator random) {
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        long ceiling = retry >= 62 || base > (cap >> Math.min(retry - 1, 62)) ? cap : base << (retry - 1);
        return ceiling <= 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}
