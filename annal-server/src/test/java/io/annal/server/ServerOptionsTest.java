package io.annal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerOptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaults_follow_the_contract() {
        ServerOptions options = ServerOptions.parse(new String[0], Map.of());

        assertThat(options.port()).isEqualTo(2113);
        assertThat(options.dataDir()).isEqualTo(Path.of("./annal-data"));
        assertThat(options.store()).isEqualTo("embedded");
        assertThat(options.security()).isFalse();
    }

    @Test
    void the_command_line_wins_over_the_environment_which_wins_over_the_config_file() throws IOException {
        Path config = dir.resolve("annal.yaml");
        Files.writeString(config, "# settings\nport: 7000\ndata-dir: \"/tmp/from-file\"\nredis-url: redis://r\n");

        ServerOptions options = ServerOptions.parse(
                new String[] {"--config", config.toString(), "--port=9000"},
                Map.of("ANNAL_PORT", "8000", "ANNAL_DATA_DIR", "/tmp/from-env"));

        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/from-env"));
        assertThat(options.redisUrl()).contains("redis://r");
    }

    @Test
    void security_is_on_by_default_with_postgres_and_bad_values_are_refused() {
        ServerOptions postgres = ServerOptions.parse(
                new String[] {"--store", "postgres", "--postgres-url", "jdbc:postgresql://h/db"}, Map.of());
        assertThat(postgres.security()).isTrue();

        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--port", "x"}, Map.of()))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--bogus", "1"}, Map.of()))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--store", "postgres"}, Map.of()))
                .hasMessageContaining("--postgres-url");
        assertThatThrownBy(() -> Security.checkedSecret(java.util.Optional.of("changeme")))
                .hasMessageContaining("weak");
    }

    @Test
    void overload_caps_sampling_and_pem_files_read_like_every_other_option() throws IOException {
        ServerOptions defaults = ServerOptions.parse(new String[0], Map.of());
        assertThat(defaults.maxInFlightWrites()).isEqualTo(256);
        assertThat(defaults.maxInFlightReads()).isEqualTo(1024);
        assertThat(defaults.otelSamplerRatio()).isEqualTo(1.0);
        assertThat(defaults.tlsCert()).isEmpty();

        Path config = dir.resolve("annal.yaml");
        Files.writeString(config, "max-in-flight-reads: 7\ntls-key: /k.pem\n");
        ServerOptions set = ServerOptions.parse(
                new String[] {"--config", config.toString(), "--max-in-flight-writes", "3"},
                Map.of("ANNAL_OTEL_SAMPLER_RATIO", "0.25", "ANNAL_TLS_CERT", "/c.pem"));
        assertThat(set.maxInFlightWrites()).isEqualTo(3);
        assertThat(set.maxInFlightReads()).isEqualTo(7);
        assertThat(set.otelSamplerRatio()).isEqualTo(0.25);
        assertThat(set.tlsCert()).contains("/c.pem");
        assertThat(set.tlsKey()).contains("/k.pem");

        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--max-in-flight-writes", "0"}, Map.of()))
                .hasMessageContaining("--max-in-flight-writes");
        assertThatThrownBy(() -> ServerOptions.parse(new String[] {"--otel-sampler-ratio", "1.5"}, Map.of()))
                .hasMessageContaining("0 to 1");
    }

    @Test
    void help_and_the_tour_list_every_option_with_its_environment_variable() throws IOException {
        String help = OptionTable.help();
        String tour = Files.readString(Path.of("..", "docs", "http-tour.md"));
        for (OptionTable.Option option : OptionTable.OPTIONS) {
            assertThat(help).contains("--" + option.name() + " ").contains(option.envVar());
            assertThat(tour)
                    .as("docs/http-tour.md's option table lists --" + option.name())
                    .contains("| `--" + option.name() + "` | `" + option.envVar() + "` | "
                            + (option.name().equals("config") ? "—" : "`" + option.name() + "`") + " |");
        }
    }
}
