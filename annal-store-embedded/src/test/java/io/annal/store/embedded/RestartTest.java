package io.annal.store.embedded;

import static io.annal.store.embedded.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

    @TempDir
    Path directory;

    private EmbeddedEventStore open() {
        return EmbeddedEventStore.open(EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10));
    }

    @Test
    void everything_appended_is_there_after_reopening() {
        StreamName order = StreamName.of("order");
        StreamName gone = StreamName.of("gone");
        StreamName deleted = StreamName.of("deleted");
        List<EventData> batch = events(3);
        AppendResult original;
        try (EmbeddedEventStore store = open()) {
            original = store.append(order, ExpectedVersion.noStream(), batch);
            for (int i = 0; i < 200; i++) {
                store.append(StreamName.of("filler-" + i), ExpectedVersion.noStream(), events(2));
            }
            store.append(gone, ExpectedVersion.noStream(), events(1));
            store.tombstone(gone, ExpectedVersion.exact(0));
            store.append(deleted, ExpectedVersion.noStream(), events(2));
            store.delete(deleted, ExpectedVersion.any());
            store.setMetadata(order, store.metadata(order).withMaxCount(10));
        }

        try (EmbeddedEventStore store = open()) {
            assertThat(store.readStream(order, 0, Direction.FORWARD, 10).events())
                    .extracting(RecordedEvent::toEventData)
                    .containsExactlyElementsOf(batch);
            AppendResult retry = store.append(order, ExpectedVersion.any(), batch);
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.firstPosition()).isEqualTo(original.firstPosition());
            assertThat(store.metadata(order).maxCount()).hasValue(10);
            assertThatThrownBy(() -> store.append(gone, ExpectedVersion.any(), events(1)))
                    .isInstanceOf(StreamDeletedException.class);
            assertThat(store.info(deleted).orElseThrow().state()).isEqualTo(StreamState.DELETED);
            assertThat(store.readAll(Position.START, Direction.FORWARD, 4096, EventFilter.all())
                            .events())
                    .hasSize(403);
            AppendResult next = store.append(order, ExpectedVersion.exact(2), events(1));
            assertThat(next.firstPosition())
                    .isGreaterThan(store.readStream(StreamName.of("filler-199"), 0, Direction.FORWARD, 1)
                            .events()
                            .get(0)
                            .position());
        }
    }

    @Test
    void a_directory_is_written_by_one_store_at_a_time() {
        try (EmbeddedEventStore store = open()) {
            assertThatThrownBy(this::open).isInstanceOf(StorageException.class).hasMessageContaining("already open");
        }
        try (EmbeddedEventStore store = open()) {
            assertThat(store.headPosition()).isEmpty();
        }
    }

    @Test
    void the_unsafe_mode_still_keeps_everything_across_a_clean_close() {
        EmbeddedStoreConfig unsafe =
                EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10).withDurability(Durability.UNSAFE_NO_FSYNC);
        List<EventData> batch = events(500);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(unsafe)) {
            store.append(StreamName.of("fast"), ExpectedVersion.noStream(), batch);
        }
        try (EmbeddedEventStore store = open()) {
            assertThat(store.readStream(StreamName.of("fast"), 0, Direction.FORWARD, 4096)
                            .events())
                    .extracting(RecordedEvent::toEventData)
                    .containsExactlyElementsOf(batch);
        }
    }
}
