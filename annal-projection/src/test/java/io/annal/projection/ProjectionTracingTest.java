package io.annal.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProjectionTracingTest {

    private static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN = "00f067aa0ba902b7";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();

    @Test
    void applying_an_event_continues_the_trace_its_metadata_carries() throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ProjectionManager manager = ProjectionManager.create(
                        store, store, RunnerOptions.defaults(), InstantSource.system(), otel)) {
            manager.start(
                    Projection.<Map<String, String>>of(
                            "counter", 1, EventFilter.all(), (data, event) -> data.merge("n", "1", (a, b) -> a + b)),
                    new MemoryReadModels());
            store.append(StreamName.of("a-1"), ExpectedVersion.any(), List.of(traced(TRACE_A)));
            Position head = store.headPosition().orElseThrow();
            assertThat(manager.awaitPosition("counter", head, Duration.ofSeconds(10)))
                    .isTrue();
        }
        SpanData project = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("project counter"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no projection span in " + spans.getFinishedSpanItems()));
        assertThat(project.getTraceId()).isEqualTo(TRACE_A);
        assertThat(project.getParentSpanId()).isEqualTo(SPAN);
    }

    @Test
    void a_batch_links_to_the_trace_of_each_of_its_events() throws Exception {
        ProjectionTracing tracing = new ProjectionTracing(otel);
        AtomicInteger ran = new AtomicInteger();
        List<RecordedEvent> batch =
                List.of(recorded(0, traced(TRACE_A)), recorded(1, traced(TRACE_B)), recorded(2, plain()));

        tracing.batch("counter", batch, ran::incrementAndGet);

        assertThat(ran).hasValue(1);
        SpanData span = spans.getFinishedSpanItems().getFirst();
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getLinks())
                .extracting(LinkData::getSpanContext)
                .extracting(SpanContext::getTraceId)
                .containsExactly(TRACE_A, TRACE_B);
    }

    @Test
    void tracing_off_runs_the_work_and_reads_nothing() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        ProjectionTracing.OFF.batch("counter", List.of(recorded(0, traced(TRACE_A))), ran::incrementAndGet);

        assertThat(ran).hasValue(1);
        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(EventTraceContext.value("{\"traceparent\" : \"x\"}", "traceparent"))
                .isEqualTo("x");
        assertThat(EventTraceContext.value("{\"traceparent\":7}", "traceparent"))
                .isNull();
    }

    private static EventData traced(String traceId) {
        String meta = "{\"correlationId\":\"c-1\",\"traceparent\":\"00-" + traceId + "-" + SPAN + "-01\"}";
        return EventData.of(UUID.randomUUID(), "Happened", "{}".getBytes(StandardCharsets.UTF_8), bytes(meta));
    }

    private static EventData plain() {
        return EventData.of(UUID.randomUUID(), "Happened", bytes("{}"), bytes("{\"correlationId\":\"c-2\"}"));
    }

    private static RecordedEvent recorded(long position, EventData data) {
        return new RecordedEvent(
                StreamName.of("a-1"),
                position,
                Position.of(position),
                data.id(),
                data.type(),
                data.data(),
                data.metadata(),
                Instant.EPOCH);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
