package io.annal.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.Direction;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamDeletedException;
import io.annal.store.StreamName;
import io.annal.store.embedded.internal.index.IndexCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tombstone's body ends with its stream name: a short name must still decode when the log is scanned. */
class ShortTombstoneTest {

    @TempDir
    Path directory;

    @Test
    void a_log_ending_with_the_tombstone_of_a_short_name_opens_without_a_checkpoint() throws IOException {
        StreamName shortName = StreamName.of("t-1");
        try (EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(directory))) {
            store.append(shortName, ExpectedVersion.any(), Events.events(2));
            store.tombstone(shortName, ExpectedVersion.any());
        }
        Files.delete(directory.resolve(IndexCheckpoint.FILE)); // open must scan, and decode, the tombstone

        try (EmbeddedEventStore store = EmbeddedEventStore.open(EmbeddedStoreConfig.of(directory))) {
            assertThatThrownBy(() -> store.readStream(shortName, 0, Direction.FORWARD, 10))
                    .isInstanceOf(StreamDeletedException.class);
            assertThat(store.info(shortName)).isPresent();
        }
    }
}
