package io.annal.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Caps the requests in flight per route class, so that a blocked store or a slow client cannot
 * pile up handlers (and their bodies) without bound: writes (appends, deletes, metadata,
 * commands) and reads (streams, {@code /all}, queries) each have their own cap, so that a
 * stalled class does not starve the other. Over the cap a request is answered 503 with {@code
 * Retry-After} at once, before its body is read: it changes nothing. Health, metrics, admin and
 * subscriptions are not counted here.
 */
final class InFlightLimits {

    private final int writes;
    private final int reads;
    private final Semaphore writing;
    private final Semaphore reading;

    InFlightLimits(int writes, int reads) {
        if (writes < 1 || reads < 1) {
            throw new IllegalArgumentException(
                    "in-flight caps are 1 or more (got writes " + writes + ", reads " + reads + ")");
        }
        this.writes = writes;
        this.reads = reads;
        this.writing = new Semaphore(writes);
        this.reading = new Semaphore(reads);
    }

    /** Requests of the class in flight now, for the metrics. */
    int inUse(boolean write) {
        return write ? writes - writing.availablePermits() : reads - reading.availablePermits();
    }

    void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Optional<Boolean> write = isWrite(req.prologue().method(), req.path().rawPath());
        if (write.isEmpty()) {
            chain.proceed();
            return;
        }
        Semaphore slots = write.get() ? writing : reading;
        if (!slots.tryAcquire()) {
            res.header(HeaderNames.RETRY_AFTER, "1");
            ProblemResponses.send(
                    res,
                    Problem.of(
                                    503,
                                    "Service Unavailable",
                                    "the server is serving its most " + (write.get() ? "writes" : "reads")
                                            + " at once (" + (write.get() ? writes : reads)
                                            + "); nothing was done, retry after a second")
                            .with("code", "overloaded"));
            return;
        }
        try {
            chain.proceed();
        } finally {
            slots.release();
        }
    }

    /** True for a write, false for a read, empty for a route not capped here. */
    static Optional<Boolean> isWrite(Method method, String path) {
        boolean get = method == Method.GET || method == Method.HEAD;
        if (path.startsWith("/streams/")) {
            return Optional.of(!get);
        }
        if (path.startsWith("/commands/")) {
            return Optional.of(true);
        }
        if (get && (path.equals("/all") || path.startsWith("/queries/"))) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
