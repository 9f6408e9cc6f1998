package io.annal.server;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The server's tracing: off (the no-op OpenTelemetry) unless an OTLP endpoint is named, then
 * spans go there over OTLP/HTTP in batches, as service {@code annal}, sampled at {@code
 * --otel-sampler-ratio}.
 */
final class Telemetry implements AutoCloseable {

    private final OpenTelemetry otel;
    private final Optional<OpenTelemetrySdk> sdk;

    private Telemetry(OpenTelemetry otel, Optional<OpenTelemetrySdk> sdk) {
        this.otel = otel;
        this.sdk = sdk;
    }

    static Telemetry of(Optional<String> otlpEndpoint) {
        return of(otlpEndpoint, 1.0);
    }

    /**
     * Samples {@code ratio} of new traces; a request that continues a caller's trace keeps the
     * caller's choice (parent-based), so a trace is whole or absent.
     */
    static Telemetry of(Optional<String> otlpEndpoint, double ratio) {
        if (otlpEndpoint.isEmpty()) {
            return new Telemetry(OpenTelemetry.noop(), Optional.empty());
        }
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(tracesUrl(otlpEndpoint.get()))
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .setResource(Resource.getDefault()
                                .merge(Resource.create(Attributes.of(
                                        io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), "annal"))))
                        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(ratio)))
                        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        return new Telemetry(sdk, Optional.of(sdk));
    }

    /** A tracing set up elsewhere (tests, embedding); closing it is left to its owner. */
    static Telemetry given(OpenTelemetry otel) {
        return new Telemetry(otel, Optional.empty());
    }

    /** The OTLP/HTTP traces URL for a base endpoint, as the OTEL_EXPORTER_OTLP_ENDPOINT convention has it. */
    static String tracesUrl(String base) {
        return base.endsWith("/v1/traces") ? base : base.replaceAll("/+$", "") + "/v1/traces";
    }

    OpenTelemetry openTelemetry() {
        return otel;
    }

    /** Sends the spans still buffered, waiting a little at most. */
    @Override
    public void close() {
        sdk.ifPresent(s -> s.shutdown().join(5, TimeUnit.SECONDS));
    }
}
