package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.ExpectedVersion;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

abstract class AdminScenarios extends Scenarios {

    AdminScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void info_of_a_never_written_stream_is_empty() {
        assertThat(store().info(stream("a"))).isEmpty();
    }

    @Test
    void info_reports_a_live_stream_with_its_last_version_and_write_time() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        clock().advance(Duration.ofMinutes(5));
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        StreamInfo info = store().info(stream("a")).orElseThrow();

        assertThat(info.stream()).isEqualTo(stream("a"));
        assertThat(info.state()).isEqualTo(StreamState.LIVE);
        assertThat(info.lastVersion()).isEqualTo(OptionalLong.of(2));
        assertThat(info.lastWrite())
                .hasValueSatisfying(at ->
                        assertThat(at).isBetween(clock().instant().truncatedTo(ChronoUnit.MILLIS), clock().instant()));
    }

    @Test
    void info_reports_a_soft_deleted_stream_as_deleted() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        store().delete(stream("a"), ExpectedVersion.any());

        StreamInfo info = store().info(stream("a")).orElseThrow();

        assertThat(info.state()).isEqualTo(StreamState.DELETED);
        assertThat(info.lastVersion()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void info_reports_a_recreated_stream_as_live() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        store().delete(stream("a"), ExpectedVersion.any());
        store().append(stream("a"), ExpectedVersion.any(), events(1));

        assertThat(store().info(stream("a")).orElseThrow().state()).isEqualTo(StreamState.LIVE);
    }

    @Test
    void info_reports_a_tombstoned_stream_as_tombstoned() {
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        store().tombstone(stream("a"), ExpectedVersion.any());

        StreamInfo info = store().info(stream("a")).orElseThrow();

        assertThat(info.state()).isEqualTo(StreamState.TOMBSTONED);
        assertThat(info.lastVersion()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void info_of_a_name_tombstoned_before_any_write_has_no_version_nor_write_time() {
        store().tombstone(stream("a"), ExpectedVersion.any());

        StreamInfo info = store().info(stream("a")).orElseThrow();

        assertThat(info.state()).isEqualTo(StreamState.TOMBSTONED);
        assertThat(info.lastVersion()).isEmpty();
        assertThat(info.lastWrite()).isEmpty();
    }

    @Test
    void list_streams_returns_names_in_lexical_order_with_their_state() {
        for (String name : List.of("order-2", "invoice-1", "order-10", "order-1")) {
            store().append(stream(name), ExpectedVersion.any(), events(1));
        }
        store().delete(stream("order-10"), ExpectedVersion.any());
        store().tombstone(stream("order-3"), ExpectedVersion.any());

        List<StreamInfo> all = store().listStreams("", Optional.empty(), 100);

        assertThat(all)
                .extracting(i -> i.stream().value())
                .containsExactly("invoice-1", "order-1", "order-10", "order-2", "order-3");
        assertThat(all)
                .extracting(StreamInfo::state)
                .containsExactly(
                        StreamState.LIVE,
                        StreamState.LIVE,
                        StreamState.DELETED,
                        StreamState.LIVE,
                        StreamState.TOMBSTONED);
    }

    @Test
    void list_streams_filters_by_prefix_and_pages_after_a_name() {
        for (int i = 0; i < 7; i++) {
            store().append(stream("order-" + i), ExpectedVersion.any(), events(1));
        }
        store().append(stream("invoice-1"), ExpectedVersion.any(), events(1));
        store().append(stream("zeta"), ExpectedVersion.any(), events(1));

        List<StreamName> seen = new ArrayList<>();
        Optional<StreamName> after = Optional.empty();
        while (true) {
            List<StreamInfo> page = store().listStreams("order-", after, 3);
            if (page.isEmpty()) {
                break;
            }
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            page.forEach(info -> seen.add(info.stream()));
            after = Optional.of(page.getLast().stream());
        }

        assertThat(seen)
                .extracting(StreamName::value)
                .containsExactly("order-0", "order-1", "order-2", "order-3", "order-4", "order-5", "order-6");
    }

    @Test
    void list_streams_leaves_out_names_that_only_have_metadata() {
        store().setMetadata(stream("a"), StreamMetadata.none().withMaxCount(3));
        store().append(stream("b"), ExpectedVersion.any(), events(1));

        assertThat(store().listStreams("", Optional.empty(), 10))
                .extracting(StreamInfo::stream)
                .containsExactly(stream("b"));
    }
}
