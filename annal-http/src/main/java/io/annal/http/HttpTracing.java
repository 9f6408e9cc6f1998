package io.annal.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import org.slf4j.MDC;

/**
 * A server span per request, continuing the caller's W3C {@code traceparent} when it sends one.
 * The span is current while the request is handled, so the command and its append are its
 * children; its trace id goes into the logs (MDC key {@code traceId}).
 */
final class HttpTracing {

    static final String MDC_KEY = "traceId";

    private static final TextMapGetter<RoutingRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(RoutingRequest req) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(RoutingRequest req, String key) {
            return req == null
                    ? null
                    : req.headers().first(HeaderNames.create(key)).orElse(null);
        }
    };

    private final Tracer tracer;

    HttpTracing(OpenTelemetry otel) {
        this.tracer = otel.getTracer("io.annal.http");
    }

    void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), req, HEADERS);
        String method = req.prologue().method().text();
        String route = RouteNames.of(req.path().rawPath());
        Span span = tracer.spanBuilder(method + " " + route)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("http.route", route)
                .startSpan();
        MDC.put(MDC_KEY, span.getSpanContext().getTraceId());
        try (Scope ignored = span.makeCurrent()) {
            chain.proceed();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            int status = res.status().code();
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            MDC.remove(MDC_KEY);
        }
    }
}
