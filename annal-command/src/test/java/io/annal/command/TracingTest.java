package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.Bank.Deposit;
import io.annal.command.Bank.Open;
import io.annal.store.Direction;
import io.annal.store.EventStore;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracingTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    private final EventStore store = Runtime.store();

    @Test
    void a_command_is_a_child_of_the_callers_span_and_its_events_carry_the_trace() {
        var handler = Runtime.bank(store).openTelemetry(otel).build();
        Span request = otel.getTracer("test").spanBuilder("request").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            handler.handle(new Open("a1", "ada"));
        } finally {
            request.end();
        }

        SpanData command = span("command Open");
        SpanData append = span("append");
        assertThat(command.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(command.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(append.getParentSpanId()).isEqualTo(command.getSpanId());
        assertThat(command.getAttributes().asMap().values()).contains("accepted", "account-a1");

        RecordedEvent opened = events("account-a1").getFirst();
        assertThat(opened.metadataAsString())
                .contains("\"traceparent\":\"00-" + command.getTraceId() + "-" + command.getSpanId() + "-");
        SpanContext carried = Span.fromContext(TraceMetadata.contextOf(opened)).getSpanContext();
        assertThat(carried.getTraceId()).isEqualTo(command.getTraceId());
        assertThat(carried.getSpanId()).isEqualTo(command.getSpanId());
        assertThat(carried.isRemote()).isTrue();
    }

    @Test
    void without_opentelemetry_no_span_is_made_and_metadata_carries_no_trace() {
        var handler = Runtime.bank(store).build();
        Span request = otel.getTracer("test").spanBuilder("request").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            handler.handle(new Open("a1", "ada"));
        } finally {
            request.end();
        }
        // the caller's span is current, so the no-op default must not write it either
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("request");
        handler.handle(new Deposit("a1", 5));
        for (RecordedEvent event : events("account-a1")) {
            assertThat(event.metadataAsString()).doesNotContain("traceparent");
            assertThat(TraceMetadata.contextOf(event)).isSameAs(io.opentelemetry.context.Context.root());
        }
    }

    @Test
    void a_malformed_traceparent_in_metadata_gives_no_parent() {
        assertThat(TraceMetadata.value("{\"traceparent\" : \"00-zz\"}", "traceparent"))
                .contains("00-zz");
        assertThat(TraceMetadata.value("{\"traceparent\":1}", "traceparent")).isEmpty();
        assertThat(TraceMetadata.value("{\"traceparent\":\"a\\\"b\"}", "traceparent"))
                .isEmpty();
        assertThat(TraceMetadata.value("{\"other\":\"x\"}", "traceparent")).isEmpty();
    }

    private SpanData span(String name) {
        List<SpanData> found = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
        assertThat(found).as("spans named " + name).hasSize(1);
        return found.getFirst();
    }

    private List<RecordedEvent> events(String stream) {
        return store.readStream(StreamName.of(stream), 0, Direction.FORWARD, 100)
                .events();
    }
}
