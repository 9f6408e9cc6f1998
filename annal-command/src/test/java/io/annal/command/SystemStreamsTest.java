package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SystemStreamsTest {

    @Test
    void random_ids_are_version_4_and_distinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID id = SystemStreams.randomId();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void names_that_would_be_invalid_are_hashed_and_stay_distinct() {
        assertThat(SystemStreams.command("k-1").value()).isEqualTo("$command-k-1");
        String a = SystemStreams.command("x".repeat(300)).value();
        String b = SystemStreams.command("y".repeat(300)).value();
        assertThat(a).startsWith("$command-~").isNotEqualTo(b);
        assertThat(SystemStreams.command("tab\there").value()).startsWith("$command-~");
    }
}
