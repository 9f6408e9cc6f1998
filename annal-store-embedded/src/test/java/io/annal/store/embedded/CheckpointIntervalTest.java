package io.annal.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckpointIntervalTest {

    private static final long EVERY = 64L << 20;

    @Test
    void a_small_index_is_checkpointed_after_the_configured_bytes_of_log() {
        assertThat(Checkpoints.due(EVERY - 1, EVERY, 1 << 20)).isFalse();
        assertThat(Checkpoints.due(EVERY, EVERY, 1 << 20)).isTrue();
        assertThat(Checkpoints.due(EVERY, EVERY, 0)).isTrue();
    }

    @Test
    void a_checkpoint_larger_than_the_interval_waits_for_as_much_log_as_it_took() {
        long last = 150L << 20;
        assertThat(Checkpoints.due(EVERY, EVERY, last)).isFalse();
        assertThat(Checkpoints.due(last - 1, EVERY, last)).isFalse();
        assertThat(Checkpoints.due(last, EVERY, last)).isTrue();
    }
}
