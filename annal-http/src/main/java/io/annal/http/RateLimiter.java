package io.annal.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client rate limit: a token bucket per caller (or per address when security is off) that
 * refills {@code perSecond} tokens a second up to a burst of as many. Over the limit a request is
 * answered 429 at once, before it costs anything.
 */
final class RateLimiter {

    /** Past this many clients the buckets are dropped and start full again: memory stays bounded. */
    private static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a rate limit is positive (got " + perSecond + ")");
        }
        this.perSecond = perSecond;
    }

    void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().rawPath().startsWith("/health/") || tryAcquire(client(req), System.nanoTime())) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.RETRY_AFTER, "1");
        ProblemResponses.send(
                res,
                Problem.of(
                        429,
                        "Too Many Requests",
                        "this client sent more than " + perSecond + " requests a second; retry after a second"));
    }

    private static String client(RoutingRequest req) {
        var caller = req.context().get(Caller.class, Caller.class);
        if (caller.isPresent()) {
            return caller.get().name();
        }
        SocketAddress peer = req.remotePeer().address();
        return peer instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(peer);
    }

    boolean tryAcquire(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(perSecond, nowNanos))
                .take(perSecond, nowNanos);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized boolean take(double perSecond, long now) {
            tokens = Math.min(perSecond, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
