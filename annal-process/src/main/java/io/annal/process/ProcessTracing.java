package io.annal.process;

import io.annal.command.CommandResult;
import io.annal.command.TraceMetadata;
import io.annal.store.RecordedEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;

/**
 * Continues, while the runtime handles an event, the trace the event carries in its metadata, and
 * makes a span per command sent: so the command's own span and events join the trace of the
 * request that started the process. With the no-op default nothing is read or made.
 */
final class ProcessTracing {

    private final Tracer tracer;
    private final boolean on;
    private final String spanName;

    ProcessTracing(OpenTelemetry otel, String process) {
        this.tracer = otel.getTracer("io.annal.process");
        this.on = otel != OpenTelemetry.noop();
        this.spanName = "process " + process + " send";
    }

    /** Runs {@code work} with the event's trace current. */
    void handling(RecordedEvent event, Runnable work) {
        if (!on) {
            work.run();
            return;
        }
        try (Scope ignored = TraceMetadata.contextOf(event).makeCurrent()) {
            work.run();
        }
    }

    CommandResult send(PendingCommand<?> pending, Supplier<CommandResult> work) {
        if (!on) {
            return work.get();
        }
        Span span = tracer.spanBuilder(spanName)
                .setAttribute("annal.process.id", pending.processId())
                .setAttribute("annal.command.id", pending.commandId())
                .setAttribute("annal.command", pending.command().getClass().getSimpleName())
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
}
