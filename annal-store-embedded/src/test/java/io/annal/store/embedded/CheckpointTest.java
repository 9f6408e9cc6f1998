package io.annal.store.embedded;

import static io.annal.store.embedded.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import io.annal.store.embedded.internal.index.IndexCheckpoint;
import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.FaultPoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index checkpoint written on close: the next open starts from it and replays only the log
 * after it; a damaged, foreign or half-written checkpoint is ignored and the index is rebuilt.
 */
class CheckpointTest {

    private static final StreamName ORDERS = StreamName.of("orders");
    private static final StreamName GONE = StreamName.of("gone");

    @TempDir
    Path root;

    private final List<EventData> appended = new ArrayList<>();

    private static EmbeddedEventStore open(Path directory) {
        return EmbeddedEventStore.open(EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10));
    }

    private void append(EmbeddedEventStore store, int appends) {
        for (int i = 0; i < appends; i++) {
            List<EventData> batch = events(3);
            store.append(ORDERS, ExpectedVersion.any(), batch);
            appended.addAll(batch);
        }
    }

    @Test
    void the_log_appended_after_the_checkpoint_is_replayed_on_open() throws IOException {
        Path directory = root.resolve("a");
        try (EmbeddedEventStore store = open(directory)) {
            append(store, 200);
            store.append(GONE, ExpectedVersion.noStream(), events(1));
        }
        assertThat(directory.resolve(IndexCheckpoint.FILE)).exists();
        // log: [checkpointed: 600 orders + gone@0][after the checkpoint: 150 orders, metadata, delete]
        //      a copy taken while the store is open looks like a crash after the last acknowledgement
        Path copy = root.resolve("copy");
        try (EmbeddedEventStore store = open(directory)) {
            append(store, 50);
            store.setMetadata(ORDERS, store.metadata(ORDERS).withMaxCount(5000));
            store.delete(GONE, ExpectedVersion.exact(0));
            copyDirectory(directory, copy);
        }

        try (EmbeddedEventStore store = open(copy)) {
            assertThat(readOrders(store)).containsExactlyElementsOf(appended);
            assertThat(store.metadata(ORDERS).maxCount()).hasValue(5000);
            assertThat(store.info(GONE).orElseThrow().state()).isEqualTo(StreamState.DELETED);
            assertThat(store.append(ORDERS, ExpectedVersion.any(), appended.subList(0, 3))
                            .duplicate())
                    .isTrue();
            assertThat(store.readAll(Position.START, Direction.FORWARD, 4096, EventFilter.all())
                            .events())
                    .hasSize(appended.size());
        }
    }

    @Test
    void checkpoints_are_written_while_the_store_runs_and_a_crash_image_opens_from_one() throws Exception {
        Path directory = root.resolve("a");
        Path copy = root.resolve("copy");
        try (EmbeddedEventStore store = EmbeddedEventStore.open(
                EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10).withCheckpointEvery(8 << 10))) {
            append(store, 300);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(directory.resolve(IndexCheckpoint.FILE)));
            append(store, 100); // some of the log comes after the last checkpoint
            store.setMetadata(ORDERS, store.metadata(ORDERS).withMaxCount(5000));
            copyDirectory(directory, copy);
        }

        try (EmbeddedEventStore store = open(copy)) {
            assertThat(readOrders(store)).containsExactlyElementsOf(appended);
            assertThat(store.metadata(ORDERS).maxCount()).hasValue(5000);
            assertThat(store.append(ORDERS, ExpectedVersion.any(), appended.subList(3, 6))
                            .duplicate())
                    .isTrue();
            assertThat(store.append(
                                    ORDERS,
                                    ExpectedVersion.any(),
                                    appended.subList(appended.size() - 3, appended.size()))
                            .duplicate())
                    .isTrue();
        }
    }

    @Test
    void a_checkpoint_is_read_back_whole_also_after_appends_to_a_restored_index() {
        Path directory = root.resolve("a");
        try (EmbeddedEventStore store = open(directory)) {
            append(store, 100);
            store.append(GONE, ExpectedVersion.noStream(), events(1));
            store.setMetadata(GONE, store.metadata(GONE).withMaxCount(7));
        }
        IndexCheckpoint.Loaded first = IndexCheckpoint.read(directory).orElseThrow();
        assertThat(first.index().find(ORDERS).count()).isEqualTo(300);
        assertThat(first.index().events().size()).isEqualTo(301);
        // the second checkpoint holds positions restored from the first and positions appended after it
        List<RecordedEvent> orders;
        try (EmbeddedEventStore store = open(directory)) {
            append(store, 50);
            orders = store.readStream(ORDERS, 0, Direction.FORWARD, 4096).events();
        }

        IndexCheckpoint.Loaded second = IndexCheckpoint.read(directory).orElseThrow();
        assertThat(second.index().find(ORDERS).count()).isEqualTo(450);
        assertThat(second.index().events().size()).isEqualTo(451);
        assertThat(second.index().find(GONE).status().metadata().maxCount()).hasValue(7);
        for (int version = 0; version < orders.size(); version++) {
            assertThat(second.index().find(ORDERS).positionOf(version))
                    .as("version %d", version)
                    .isEqualTo(orders.get(version).position().value());
        }
        try (EmbeddedEventStore store = open(directory)) {
            assertThat(readOrders(store)).containsExactlyElementsOf(appended);
        }
    }

    @Test
    void a_damaged_checkpoint_is_ignored() throws IOException {
        Path directory = root.resolve("a");
        try (EmbeddedEventStore store = open(directory)) {
            append(store, 100);
        }
        Path checkpoint = directory.resolve(IndexCheckpoint.FILE);
        try (FileChannel file = FileChannel.open(checkpoint, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(new byte[] {42}), Files.size(checkpoint) / 2);
        }

        try (EmbeddedEventStore store = open(directory)) {
            assertThat(readOrders(store)).containsExactlyElementsOf(appended);
        }
    }

    @Test
    void a_checkpoint_of_another_log_is_ignored() throws IOException {
        Path longer = root.resolve("longer");
        try (EmbeddedEventStore store = open(longer)) {
            append(store, 100);
        }
        appended.clear();
        Path shorter = root.resolve("shorter");
        try (EmbeddedEventStore store = open(shorter)) {
            append(store, 10);
        }
        Files.copy(
                longer.resolve(IndexCheckpoint.FILE),
                shorter.resolve(IndexCheckpoint.FILE),
                StandardCopyOption.REPLACE_EXISTING);

        try (EmbeddedEventStore store = open(shorter)) {
            assertThat(readOrders(store)).containsExactlyElementsOf(appended);
        }
    }

    @Test
    void a_failure_while_writing_the_checkpoint_loses_nothing() {
        Path directory = root.resolve("a");
        FaultInjector failing = new FaultInjector() {
            @Override
            public void reached(FaultPoint point) throws IOException {
                if (point == FaultPoint.DURING_INDEX_CHECKPOINT) {
                    throw new IOException("injected at " + point);
                }
            }
        };
        EmbeddedEventStore store = EmbeddedEventStore.open(
                EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10).withFaultInjector(failing));
        append(store, 100);
        assertThatThrownBy(store::close)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("nothing acknowledged is lost");

        try (EmbeddedEventStore reopened = open(directory)) {
            assertThat(readOrders(reopened)).containsExactlyElementsOf(appended);
        }
    }

    private static List<EventData> readOrders(EmbeddedEventStore store) {
        return store.readStream(ORDERS, 0, Direction.FORWARD, 4096).events().stream()
                .map(RecordedEvent::toEventData)
                .toList();
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
