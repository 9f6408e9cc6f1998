package io.annal.command;

import io.annal.store.RecordedEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) carried in an event's metadata,
 * so that whatever handles the event later, on any thread or process, continues the trace of the
 * request that caused it.
 */
public final class TraceMetadata {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceMetadata() {}

    /** Adds the current span's context to {@code metadata}; nothing when no span is recording. */
    static void write(Map<String, String> metadata) {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            W3C.inject(Context.current(), metadata, Map::put);
        }
    }

    /**
     * The trace context the event carries, as a parent for the spans of its handling; {@link
     * Context#root()} when it carries none or a malformed one.
     */
    public static Context contextOf(RecordedEvent event) {
        byte[] metadata = event.metadata();
        String json = new String(metadata, StandardCharsets.UTF_8);
        Optional<String> parent = value(json, TRACEPARENT);
        if (parent.isEmpty()) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(4);
        carrier.put(TRACEPARENT, parent.get());
        value(json, TRACESTATE).ifPresent(state -> carrier.put(TRACESTATE, state));
        return W3C.extract(Context.root(), carrier, GETTER);
    }

    /**
     * The string value of {@code key} in a JSON object, found by a plain scan: the runtime has no
     * JSON library, and both values are plain ASCII. A value with escapes is not taken.
     */
    static Optional<String> value(String json, String key) {
        int at = json.indexOf('"' + key + '"');
        if (at < 0) {
            return Optional.empty();
        }
        int i = at + key.length() + 2;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        if (i >= json.length() || json.charAt(i) != ':') {
            return Optional.empty();
        }
        i++;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        if (i >= json.length() || json.charAt(i) != '"') {
            return Optional.empty();
        }
        int end = json.indexOf('"', i + 1);
        if (end < 0 || json.substring(i + 1, end).indexOf('\\') >= 0) {
            return Optional.empty();
        }
        return Optional.of(json.substring(i + 1, end));
    }
}
