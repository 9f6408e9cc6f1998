package io.annal.http;

import java.time.Duration;

/**
 * The limits the API enforces before anything reaches the store, so that oversized input is
 * refused with a 413 and never costs more memory than the limit itself.
 *
 * @param maxBodyBytes the largest request body
 * @param maxEventBytes the most bytes of data plus metadata in one event
 * @param maxEventsPerAppend the most events in one append
 * @param heartbeat how often a quiet subscription sends a comment line
 * @param defaultWaitTimeout how long a query waits for its {@code Min-Position} unless told otherwise
 * @param requestTimeout how long a request body may take to arrive (408 after it)
 */
public record ApiLimits(
        long maxBodyBytes,
        int maxEventBytes,
        int maxEventsPerAppend,
        Duration heartbeat,
        Duration defaultWaitTimeout,
        Duration requestTimeout) {

    /** The most a client may ask a query to wait. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    public ApiLimits {
        if (maxBodyBytes < 1 || maxEventBytes < 1 || maxEventsPerAppend < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(Duration.ofSeconds(15)) > 0) {
            throw new IllegalArgumentException(
                    "the heartbeat must be between 0 and 15 seconds (got " + heartbeat + ")");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive (got " + requestTimeout + ")");
        }
    }

    /** 4 MiB bodies, 1 MiB events, 1,000 events per append, a heartbeat every 10 s, 5 s waits, 30 s bodies. */
    public static ApiLimits defaults() {
        return new ApiLimits(
                4L << 20, 1 << 20, 1000, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public ApiLimits withMaxBodyBytes(long value) {
        return new ApiLimits(value, maxEventBytes, maxEventsPerAppend, heartbeat, defaultWaitTimeout, requestTimeout);
    }

    public ApiLimits withMaxEventBytes(int value) {
        return new ApiLimits(maxBodyBytes, value, maxEventsPerAppend, heartbeat, defaultWaitTimeout, requestTimeout);
    }

    public ApiLimits withMaxEventsPerAppend(int value) {
        return new ApiLimits(maxBodyBytes, maxEventBytes, value, heartbeat, defaultWaitTimeout, requestTimeout);
    }

    public ApiLimits withHeartbeat(Duration value) {
        return new ApiLimits(
                maxBodyBytes, maxEventBytes, maxEventsPerAppend, value, defaultWaitTimeout, requestTimeout);
    }

    public ApiLimits withRequestTimeout(Duration value) {
        return new ApiLimits(maxBodyBytes, maxEventBytes, maxEventsPerAppend, heartbeat, defaultWaitTimeout, value);
    }
}
