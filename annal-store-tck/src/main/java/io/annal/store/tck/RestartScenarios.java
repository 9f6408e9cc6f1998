package io.annal.store.tck;

import static io.annal.store.tck.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamNotFoundException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a durable store keeps across a close and reopen. */
abstract class RestartScenarios extends Scenarios {

    RestartScenarios(EventStoreConformance suite) {
        super(suite);
    }

    @Test
    void acknowledged_events_survive_a_restart() {
        store().append(stream("a"), ExpectedVersion.any(), events(3));
        store().append(stream("注文-🦊"), ExpectedVersion.any(), List.of(Events.ofSize(100_000)));
        store().append(stream("a"), ExpectedVersion.any(), events(2));
        var before = Reads.all(store());
        var head = store().headPosition();

        restart();

        assertThat(Reads.all(store())).isEqualTo(before);
        assertThat(store().headPosition()).isEqualTo(head);
        assertThat(Reads.stream(store(), stream("a"))).hasSize(5);
    }

    @Test
    void appends_after_a_restart_continue_versions_and_positions() {
        AppendResult first = store().append(stream("a"), ExpectedVersion.any(), events(3));

        restart();
        AppendResult next = store().append(stream("a"), ExpectedVersion.exact(2), events(1));
        AppendResult other = store().append(stream("b"), ExpectedVersion.noStream(), events(1));

        assertThat(next.firstVersion()).isEqualTo(3);
        assertThat(next.firstPosition()).isGreaterThan(first.lastPosition());
        assertThat(other.firstPosition()).isGreaterThan(next.lastPosition());
    }

    @Test
    void a_retry_after_a_restart_is_still_a_duplicate() {
        List<EventData> batch = events(2);
        AppendResult original = store().append(stream("a"), ExpectedVersion.any(), batch);

        restart();

        assertThat(store().append(stream("a"), ExpectedVersion.any(), batch))
                .isEqualTo(IdempotencyScenarios.duplicateOf(original));
    }

    @Test
    void deletes_tombstones_and_metadata_survive_a_restart() {
        store().append(stream("deleted"), ExpectedVersion.any(), events(2));
        store().delete(stream("deleted"), ExpectedVersion.any());
        store().append(stream("gone"), ExpectedVersion.any(), events(2));
        store().tombstone(stream("gone"), ExpectedVersion.any());
        StreamMetadata bounds = StreamMetadata.none().withMaxCount(2).withCustom(Events.bytes("{\"k\":1}"));
        store().setMetadata(stream("kept"), bounds);
        store().append(stream("kept"), ExpectedVersion.any(), events(4));
        var infos = store().listStreams("", Optional.empty(), 10);

        restart();

        assertThat(store().listStreams("", Optional.empty(), 10)).isEqualTo(infos);
        assertThatThrownBy(() -> Reads.stream(store(), stream("deleted"))).isInstanceOf(StreamNotFoundException.class);
        assertThatThrownBy(() -> store().append(stream("gone"), ExpectedVersion.any(), events(1)))
                .isInstanceOf(StreamDeletedException.class);
        assertThat(store().metadata(stream("kept"))).isEqualTo(bounds);
        assertThat(Reads.versions(Reads.stream(store(), stream("kept")))).containsExactly(2L, 3L);
        assertThat(store().append(stream("deleted"), ExpectedVersion.exact(1), events(1))
                        .firstVersion())
                .isEqualTo(2);
    }
}
