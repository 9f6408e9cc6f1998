package io.annal.http;

import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One key=value line per request on the logger {@code annal.requests}, at INFO: off unless that
 * logger is turned on, so a busy server pays one level check. The correlation and trace ids come
 * from the MDC, where the filters before this one put them.
 */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("annal.requests");

    private RequestLog() {}

    static void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!LOG.isInfoEnabled()) {
            chain.proceed();
            return;
        }
        long started = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            LOG.info(
                    "method={} route={} status={} micros={}",
                    req.prologue().method().text(),
                    RouteNames.of(req.path().rawPath()),
                    res.status().code(),
                    (System.nanoTime() - started) / 1000);
        }
    }
}
