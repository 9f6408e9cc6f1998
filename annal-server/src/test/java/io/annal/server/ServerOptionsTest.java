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
}
