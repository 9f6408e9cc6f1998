package io.annal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamMetadataTest {

    @Test
    void without_bounds_every_version_is_kept() {
        assertThat(StreamMetadata.none().firstKeptVersion(99)).isZero();
    }

    @Test
    void max_count_keeps_the_last_n_versions() {
        assertThat(StreamMetadata.none().withMaxCount(10).firstKeptVersion(99)).isEqualTo(90);
        assertThat(StreamMetadata.none().withMaxCount(10).firstKeptVersion(3)).isZero();
    }

    @Test
    void the_stricter_of_max_count_and_truncate_before_wins() {
        StreamMetadata both = StreamMetadata.none().withMaxCount(10).withTruncateBefore(95);
        assertThat(both.firstKeptVersion(99)).isEqualTo(95);
        assertThat(both.withTruncateBefore(50).firstKeptVersion(99)).isEqualTo(90);
    }

    @Test
    void nonsensical_bounds_are_refused() {
        assertThatThrownBy(() -> StreamMetadata.none().withMaxCount(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamMetadata.none().withMaxAge(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamMetadata.none().withTruncateBefore(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
