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
import io.annal.store.StreamName;
import io.annal.store.embedded.internal.index.IndexCheckpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Torn writes and bit flips, made on the segment files of a closed store. A torn tail is cut off
 * and everything before it survives; damage to data that was forced before later data is reported
 * with its segment and offset, and never served.
 */
class CorruptionTest {

    private static final StreamName STREAM = StreamName.of("ledger");

    @TempDir
    Path directory;

    private final List<EventData> written = new ArrayList<>();
    private final List<AppendResult> results = new ArrayList<>();

    private void fill(int appends) {
        try (EmbeddedEventStore store = open()) {
            for (int i = 0; i < appends; i++) {
                List<EventData> batch = events(2);
                results.add(store.append(STREAM, ExpectedVersion.any(), batch));
                written.addAll(batch);
            }
        }
    }

    private EmbeddedEventStore open() {
        return EmbeddedEventStore.open(EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10));
    }

    @Test
    void a_tail_torn_at_512_or_4096_bytes_is_cut_off_and_everything_before_it_survives() throws IOException {
        long seed = System.nanoTime();
        System.out.println("CorruptionTest seed " + seed);
        Random random = new Random(seed);
        fill(30);
        // log:  [header][append 0] ... [append 28][append 29 ......]
        //                                          ^ torn here: bytes after a 512 B boundary are lost
        long lastStart = results.get(29).firstPosition().value();
        long tear = (lastStart / 512 + 1) * 512 + (random.nextBoolean() ? 0 : 3584);
        zeroFrom(lastSegment(), tear);

        try (EmbeddedEventStore store = open()) {
            List<EventData> stored = read(store);
            assertThat(stored).isEqualTo(written.subList(0, stored.size()));
            assertThat(stored.size()).isIn(58, 60);
            store.append(STREAM, ExpectedVersion.exact(stored.size() - 1L), events(1));
        }
        try (EmbeddedEventStore store = open()) {
            assertThat(read(store).size()).isIn(59, 61);
        }
    }

    @Test
    void garbage_after_the_last_commit_is_cut_off() throws IOException {
        fill(5);
        long end = results.get(4).lastPosition().value() + 200;
        try (FileChannel file = FileChannel.open(lastSegment(), StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 90, 1, 2, 3, 4, 1, 1}), (end + 7) & -8);
        }
        try (EmbeddedEventStore store = open()) {
            assertThat(read(store)).containsExactlyElementsOf(written);
        }
    }

    @Test
    void a_bit_flip_in_forced_data_is_reported_with_segment_and_offset() throws IOException {
        fill(30);
        dropCheckpoint(); // the open that rebuilds the index checks every frame
        long target = results.get(10).firstPosition().value() + 40;
        flipBit(lastSegment(), target);

        assertThatThrownBy(this::open)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(lastSegment().getFileName().toString())
                .hasMessageContaining(
                        "offset " + results.get(10).firstPosition().value());
    }

    @Test
    void a_bit_flip_in_a_sealed_segment_is_reported() throws IOException {
        fill(400);
        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThan(1);
        dropCheckpoint();
        flipBit(segments.get(0), 64 + 30);

        assertThatThrownBy(this::open)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(segments.get(0).getFileName().toString())
                .hasMessageContaining("offset 64");
    }

    @Test
    void a_bit_flip_in_data_an_index_checkpoint_covers_is_reported_when_read() throws IOException {
        fill(400);
        List<Path> segments = segments();
        flipBit(segments.get(0), results.get(0).firstPosition().value() + 40);

        try (EmbeddedEventStore store = open()) {
            assertThatThrownBy(() -> store.readStream(STREAM, 0, Direction.FORWARD, 10))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(segments.get(0).getFileName().toString())
                    .hasMessageContaining(
                            "offset " + results.get(0).firstPosition().value());
            assertThatThrownBy(() -> store.readAll(Position.START, Direction.FORWARD, 10, EventFilter.all()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(
                            "offset " + results.get(0).firstPosition().value());
            assertThat(store.readStream(STREAM, 2, Direction.FORWARD, 10).events())
                    .hasSize(10);
        }
    }

    @Test
    void a_record_damaged_while_the_store_runs_is_never_served() throws IOException {
        try (EmbeddedEventStore store = open()) {
            AppendResult result = store.append(STREAM, ExpectedVersion.noStream(), events(3));
            flipBit(lastSegment(), result.firstPosition().value() + 60);

            assertThatThrownBy(() -> store.readStream(STREAM, 0, Direction.FORWARD, 10))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("offset " + result.firstPosition().value());
        }
    }

    private static List<EventData> read(EmbeddedEventStore store) {
        return store.readStream(STREAM, 0, Direction.FORWARD, 4096).events().stream()
                .map(RecordedEvent::toEventData)
                .toList();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".annal")).sorted().toList();
        }
    }

    private Path lastSegment() throws IOException {
        List<Path> all = segments();
        return all.get(all.size() - 1);
    }

    private void dropCheckpoint() throws IOException {
        Files.delete(directory.resolve(IndexCheckpoint.FILE));
    }

    private static void zeroFrom(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8192), offset);
        }
    }

    private static void flipBit(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x10));
            channel.write(one.clear(), offset);
        }
    }
}
