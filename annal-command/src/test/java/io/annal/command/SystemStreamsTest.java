package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemStreamsTest {

    @Test
    void names_that_would_be_invalid_are_hashed_and_stay_distinct() {
        assertThat(SystemStreams.command("k-1").value()).isEqualTo("$command-k-1");
        String a = SystemStreams.command("x".repeat(300)).value();
        String b = SystemStreams.command("y".repeat(300)).value();
        assertThat(a).startsWith("$command-~").isNotEqualTo(b);
        assertThat(SystemStreams.command("tab\there").value()).startsWith("$command-~");
    }
}
