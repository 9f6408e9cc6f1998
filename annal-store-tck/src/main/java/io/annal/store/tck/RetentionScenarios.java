package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.Direction;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamSlice;
import java.time.Duration;
import org.junit.jupiter.api.Test;

abstract class RetentionScenarios extends Scenarios {

    RetentionScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void metadata_is_none_until_set() {
        assertThat(store().metadata(stream("a"))).isEqualTo(StreamMetadata.none());
    }

    @Test
    void metadata_can_be_set_before_the_stream_exists_and_is_read_back() {
        StreamMetadata metadata = StreamMetadata.none()
                .withMaxCount(5)
                .withMaxAge(Duration.ofDays(3))
                .withCustom(Events.bytes("{\"owner\":\"billing\"}"));

        store().setMetadata(stream("a"), metadata);

        assertThat(store().metadata(stream("a"))).isEqualTo(metadata);
        assertThat(store().info(stream("a"))).isEmpty();
    }

    @Test
    void truncate_before_hides_earlier_versions_from_every_read() {
        store().append(stream("a"), ExpectedVersion.any(), events(5));

        store().setMetadata(stream("a"), StreamMetadata.none().withTruncateBefore(3));

        StreamSlice slice = store().readStream(stream("a"), 0, Direction.FORWARD, 10);
        assertThat(Reads.versions(slice.events())).containsExactly(3L, 4L);
        assertThat(slice.lastVersion()).isEqualTo(4);
        assertThat(Reads.versions(Reads.stream(store(), stream("a"), Direction.BACKWARD, 1)))
                .containsExactly(4L, 3L);
        assertThat(Reads.versions(Reads.all(store()))).containsExactly(3L, 4L);
    }

    @Test
    void truncate_before_past_the_end_leaves_an_existing_stream_with_an_empty_page() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));

        store().setMetadata(stream("a"), StreamMetadata.none().withTruncateBefore(10));

        StreamSlice slice = store().readStream(stream("a"), 0, Direction.FORWARD, 10);
        assertThat(slice.events()).isEmpty();
        assertThat(slice.lastVersion()).isEqualTo(2);
        assertThat(slice.next()).isEmpty();
        assertThat(Reads.all(store())).isEmpty();
        assertThat(store().append(stream("a"), ExpectedVersion.exists(), events(1))
                        .firstVersion())
                .isEqualTo(3);
    }

    @Test
    void max_count_keeps_only_the_latest_events() {
        store().setMetadata(stream("a"), StreamMetadata.none().withMaxCount(2));

        store().append(stream("a"), ExpectedVersion.any(), events(5));

        assertThat(Reads.versions(Reads.stream(store(), stream("a")))).containsExactly(3L, 4L);
        assertThat(Reads.versions(Reads.all(store()))).containsExactly(3L, 4L);
        store().append(stream("a"), ExpectedVersion.exact(4), events(1));
        assertThat(Reads.versions(Reads.stream(store(), stream("a")))).containsExactly(4L, 5L);
    }

    @Test
    void max_age_hides_events_older_than_the_age() {
        store().setMetadata(stream("a"), StreamMetadata.none().withMaxAge(Duration.ofHours(1)));
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        clock().advance(Duration.ofMinutes(40));
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        clock().advance(Duration.ofMinutes(30));

        StreamSlice slice = store().readStream(stream("a"), 0, Direction.FORWARD, 10);
        assertThat(Reads.versions(slice.events())).containsExactly(2L);
        assertThat(slice.lastVersion()).isEqualTo(2);
        assertThat(Reads.versions(Reads.all(store()))).containsExactly(2L);
    }

    @Test
    void max_age_applies_to_events_written_before_it_was_set() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        clock().advance(Duration.ofHours(2));
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        store().setMetadata(stream("a"), StreamMetadata.none().withMaxAge(Duration.ofHours(1)));

        assertThat(Reads.versions(Reads.stream(store(), stream("a")))).containsExactly(2L);
        clock().advance(Duration.ofHours(2));
        StreamSlice slice = store().readStream(stream("a"), Long.MAX_VALUE, Direction.BACKWARD, 10);
        assertThat(slice.events()).isEmpty();
        assertThat(slice.lastVersion()).isEqualTo(2);
    }

    @Test
    void all_bounds_apply_together() {
        store().append(stream("a"), ExpectedVersion.any(), events(4));
        clock().advance(Duration.ofHours(2));
        store().append(stream("a"), ExpectedVersion.any(), events(6));

        store().setMetadata(
                        stream("a"),
                        StreamMetadata.none()
                                .withMaxCount(7)
                                .withTruncateBefore(5)
                                .withMaxAge(Duration.ofHours(1)));

        assertThat(Reads.versions(Reads.stream(store(), stream("a")))).containsExactly(5L, 6L, 7L, 8L, 9L);
        store().setMetadata(stream("a"), StreamMetadata.none().withMaxCount(8).withMaxAge(Duration.ofHours(1)));
        assertThat(Reads.versions(Reads.stream(store(), stream("a")))).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void paging_stops_at_the_retention_bound_in_both_directions() {
        store().append(stream("a"), ExpectedVersion.any(), events(6));
        store().setMetadata(stream("a"), StreamMetadata.none().withTruncateBefore(3));

        StreamSlice backward = store().readStream(stream("a"), Long.MAX_VALUE, Direction.BACKWARD, 3);
        StreamSlice forward = store().readStream(stream("a"), 0, Direction.FORWARD, 3);

        assertThat(Reads.versions(backward.events())).containsExactly(5L, 4L, 3L);
        assertThat(backward.next()).isEmpty();
        assertThat(Reads.versions(forward.events())).containsExactly(3L, 4L, 5L);
        assertThat(forward.next()).isEmpty();
    }
}
