package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetryOptionsTest {

    @Test
    void tracing_is_off_unless_an_otlp_endpoint_is_named() {
        assertThat(ServerOptions.parse(new String[0], Map.of()).otelEndpoint()).isEmpty();
        try (Telemetry off = Telemetry.of(Optional.empty())) {
            assertThat(off.openTelemetry()).isSameAs(OpenTelemetry.noop());
        }
    }

    @Test
    void the_endpoint_comes_from_the_option_its_variable_or_opentelemetrys_own() {
        assertThat(ServerOptions.parse(new String[] {"--otel-endpoint", "http://collector:4318"}, Map.of())
                        .otelEndpoint())
                .contains("http://collector:4318");
        assertThat(ServerOptions.parse(new String[0], Map.of("ANNAL_OTEL_ENDPOINT", "http://a:4318"))
                        .otelEndpoint())
                .contains("http://a:4318");
        assertThat(ServerOptions.parse(new String[0], Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "https://b"))
                        .otelEndpoint())
                .contains("https://b");
        assertThat(Telemetry.tracesUrl("http://collector:4318/")).isEqualTo("http://collector:4318/v1/traces");
        try (Telemetry on = Telemetry.of(Optional.of("http://127.0.0.1:1"))) {
            assertThat(on.openTelemetry()).isNotSameAs(OpenTelemetry.noop());
        }
    }

    @Test
    void an_endpoint_that_is_not_a_url_is_refused_with_what_to_give() {
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--otel-endpoint", "collector:4318"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://localhost:4318");
    }
}
