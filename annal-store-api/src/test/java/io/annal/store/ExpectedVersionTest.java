package io.annal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    private static final Optional<Long> NONE = Optional.empty();

    @Test
    void no_stream_is_met_by_a_missing_or_soft_deleted_stream() {
        assertThat(ExpectedVersion.noStream().isMetBy(NONE, NONE)).isTrue();
        assertThat(ExpectedVersion.noStream().isMetBy(NONE, Optional.of(4L))).isTrue();
        assertThat(ExpectedVersion.noStream().isMetBy(Optional.of(4L), Optional.of(4L)))
                .isFalse();
    }

    @Test
    void exists_needs_live_events() {
        assertThat(ExpectedVersion.exists().isMetBy(Optional.of(0L), Optional.of(0L)))
                .isTrue();
        assertThat(ExpectedVersion.exists().isMetBy(NONE, Optional.of(4L))).isFalse();
    }

    @Test
    void exact_compares_with_the_last_version_ever_written() {
        assertThat(ExpectedVersion.exact(4).isMetBy(NONE, Optional.of(4L))).isTrue();
        assertThat(ExpectedVersion.exact(3).isMetBy(Optional.of(4L), Optional.of(4L)))
                .isFalse();
        assertThat(ExpectedVersion.exact(0).isMetBy(NONE, NONE)).isFalse();
    }

    @Test
    void a_negative_exact_version_points_at_no_stream() {
        assertThatThrownBy(() -> ExpectedVersion.exact(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noStream");
    }

    @Test
    void any_is_always_met() {
        assertThat(ExpectedVersion.any().isMetBy(NONE, NONE)).isTrue();
    }
}
