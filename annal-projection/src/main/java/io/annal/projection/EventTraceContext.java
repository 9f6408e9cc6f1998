package io.annal.projection;

import io.annal.store.RecordedEvent;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the W3C trace context an event's metadata carries ({@code traceparent}, {@code
 * tracestate}, written by the command runtime). This module depends on neither the command runtime
 * nor a JSON library, so it finds the two string values by a plain scan: both are plain ASCII.
 */
final class EventTraceContext {

    private static final TextMapGetter<String> METADATA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String json) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(String json, String key) {
            return json == null ? null : value(json, key);
        }
    };

    private EventTraceContext() {}

    /** The context to continue; {@link Context#root()} when the event carries none. */
    static Context of(RecordedEvent event) {
        String json = new String(event.metadata(), StandardCharsets.UTF_8);
        if (!json.contains("\"traceparent\"")) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), json, METADATA);
    }

    /** The string value of {@code key}, or null when absent, not a string or escaped. */
    static String value(String json, String key) {
        int at = json.indexOf('"' + key + '"');
        if (at < 0) {
            return null;
        }
        int i = skipSpace(json, at + key.length() + 2);
        if (i >= json.length() || json.charAt(i) != ':') {
            return null;
        }
        i = skipSpace(json, i + 1);
        if (i >= json.length() || json.charAt(i) != '"') {
            return null;
        }
        int end = json.indexOf('"', i + 1);
        String value = end < 0 ? null : json.substring(i + 1, end);
        return value == null || value.indexOf('\\') >= 0 ? null : value;
    }

    private static int skipSpace(String json, int from) {
        int i = from;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i;
    }
}
