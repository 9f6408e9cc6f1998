package io.annal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.annal.codec.Metadata;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProcessTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();

    @Test
    void the_commands_a_process_sends_continue_the_trace_of_the_event_it_reacts_to() {
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ProcessRuntime<?, ?, ?> runtime =
                        Tally.runtime(store).openTelemetry(otel).build().start()) {
            Metadata traced = Metadata.empty().with("traceparent", "00-" + TRACE + "-" + SPAN + "-01");
            store.append(
                    StreamName.of("request-r-1"),
                    ExpectedVersion.any(),
                    List.of(Tally.REQUEST_CODEC.encode(
                            new Tally.Requested("r-1", "t", List.of(2L, 3L)), UUID.randomUUID(), traced)));

            await().untilAsserted(() -> assertThat(sends()).hasSize(2));
        }
        assertThat(sends()).allSatisfy(send -> {
            assertThat(send.getTraceId()).isEqualTo(TRACE);
            assertThat(send.getParentSpanId()).isEqualTo(SPAN);
            assertThat(send.getAttributes().asMap().values()).contains("r-1", "Add");
        });
    }

    private List<SpanData> sends() {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("process tally send"))
                .toList();
    }
}
