package io.annal.projection;

import io.annal.store.RecordedEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.List;

/**
 * A span per batch a projection applies. A batch of one event continues the trace that event's
 * metadata carries (the request that caused it); a larger batch links to each event's trace,
 * since one span cannot have many parents. With the no-op default nothing is read or made.
 */
final class ProjectionTracing {

    static final ProjectionTracing OFF = new ProjectionTracing(OpenTelemetry.noop());

    /** Links per span at most: a catch-up batch may hold hundreds of events. */
    static final int MAX_LINKS = 32;

    /** The work of a batch. */
    interface Work {
        void run() throws InterruptedException;
    }

    private final Tracer tracer;
    private final boolean on;

    ProjectionTracing(OpenTelemetry otel) {
        this.tracer = otel.getTracer("io.annal.projection");
        this.on = otel != OpenTelemetry.noop();
    }

    void batch(String projection, List<RecordedEvent> events, Work work) throws InterruptedException {
        if (!on || events.isEmpty()) {
            work.run();
            return;
        }
        SpanBuilder builder = tracer.spanBuilder("project " + projection)
                .setAttribute("annal.projection", projection)
                .setAttribute("annal.events", events.size());
        if (events.size() == 1) {
            builder.setParent(EventTraceContext.of(events.getFirst()));
        } else {
            builder.setNoParent();
            for (RecordedEvent event : events.subList(0, Math.min(events.size(), MAX_LINKS))) {
                SpanContext cause =
                        Span.fromContext(EventTraceContext.of(event)).getSpanContext();
                if (cause.isValid()) {
                    builder.addLink(cause);
                }
            }
        }
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
