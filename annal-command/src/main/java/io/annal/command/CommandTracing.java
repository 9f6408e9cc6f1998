package io.annal.command;

import io.annal.store.StreamName;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;

/**
 * A span per command and one per append, children of the caller's current span. With the no-op
 * OpenTelemetry (the default) the work runs as is: no span, no attribute, no allocation.
 */
final class CommandTracing {

    static final String SCOPE = "io.annal.command";

    private final Tracer tracer;
    private final boolean on;

    CommandTracing(OpenTelemetry otel) {
        this.tracer = otel.getTracer(SCOPE);
        this.on = otel != OpenTelemetry.noop();
    }

    boolean on() {
        return on;
    }

    CommandResult command(Object command, StreamName stream, Supplier<CommandResult> work) {
        if (!on) {
            return work.get();
        }
        Span span = tracer.spanBuilder("command " + command.getClass().getSimpleName())
                .setAttribute("annal.stream", stream.value())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            CommandResult result = work.get();
            span.setAttribute("annal.command.outcome", outcome(result));
            return result;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    <T> T append(StreamName stream, int events, Supplier<T> work) {
        if (!on) {
            return work.get();
        }
        Span span = tracer.spanBuilder("append")
                .setAttribute("annal.stream", stream.value())
                .setAttribute("annal.events", events)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private static String outcome(CommandResult result) {
        if (result instanceof CommandResult.Accepted) {
            return "accepted";
        }
        return result instanceof CommandResult.Rejected ? "rejected" : "conflict";
    }
}
