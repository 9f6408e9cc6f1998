package io.annal.http;

import io.annal.store.EventIds;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.MDC;

/**
 * The correlation id of a request: the caller's {@code Correlation-Id} header, or a new one. It
 * goes into the metadata of every event the request causes, into the logs (MDC key {@code
 * correlationId}) and back to the caller as a response header.
 */
record Correlation(String id) {

    static final String MDC_KEY = "correlationId";

    // Helidon runs a request's filters and handler on one thread; its request context costs more
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    static void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = Requests.header(req, Requests.CORRELATION_ID)
                .map(String::trim)
                .filter(Correlation::usable)
                .orElseGet(() -> EventIds.next().toString());
        res.header(Requests.CORRELATION_ID, id);
        CURRENT.set(id);
        MDC.put(MDC_KEY, id);
        try {
            chain.proceed();
        } finally {
            MDC.remove(MDC_KEY);
            CURRENT.remove();
        }
    }

    /** The correlation id of the request this thread is handling, or a new one outside a request. */
    static String current() {
        String id = CURRENT.get();
        return id != null ? id : EventIds.next().toString();
    }

    private static boolean usable(String id) {
        return !id.isEmpty() && id.length() <= 200 && id.chars().noneMatch(Character::isISOControl);
    }
}
