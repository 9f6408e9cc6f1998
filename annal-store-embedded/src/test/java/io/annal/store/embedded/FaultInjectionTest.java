package io.annal.store.embedded;

import static io.annal.store.embedded.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamName;
import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.FaultPoint;
import io.annal.store.embedded.internal.log.SegmentChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * I/O failures at fixed points of the write path. In every case the failing append is not
 * acknowledged, the store refuses later writes instead of retrying, and a reopened store holds every
 * acknowledged event and the failed append either whole or not at all.
 */
class FaultInjectionTest {

    private static final StreamName STREAM = StreamName.of("account-7");

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(
            value = FaultPoint.class,
            names = {"DURING_INDEX_CHECKPOINT", "DURING_SCAVENGE"},
            mode = EnumSource.Mode.EXCLUDE)
    void a_failure_at_a_fixed_point_fails_the_append_and_keeps_every_acknowledged_event(FaultPoint point) {
        AtomicBoolean armed = new AtomicBoolean();
        FaultInjector injector = new FaultInjector() {
            @Override
            public void reached(FaultPoint reached) throws IOException {
                if (reached == point && armed.get()) {
                    throw new IOException("injected at " + point);
                }
            }
        };
        List<EventData> acknowledged = new ArrayList<>();
        // enough bytes to need a new 64 KiB segment when the point is the roll
        List<EventData> failed = point == FaultPoint.DURING_SEGMENT_ROLL ? bigEvents(56) : events(40);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config().withFaultInjector(injector))) {
            for (int i = 0; i < 20; i++) {
                List<EventData> batch = events(3);
                store.append(STREAM, ExpectedVersion.any(), batch);
                acknowledged.addAll(batch);
            }
            armed.set(true);
            assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(), failed))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("reopen");
            armed.set(false);
            assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(), events(1)))
                    .isInstanceOf(StorageException.class);
        }

        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            List<EventData> stored = readAll(store);
            assertThat(stored.subList(0, acknowledged.size())).containsExactlyElementsOf(acknowledged);
            List<EventData> rest = stored.subList(acknowledged.size(), stored.size());
            assertThat(rest.isEmpty() || rest.equals(failed))
                    .as("the failed append is there whole or not at all")
                    .isTrue();
            AppendResult after = store.append(STREAM, ExpectedVersion.exact(stored.size() - 1L), events(2));
            assertThat(after.lastVersion()).isEqualTo(stored.size() + 1L);
        }
    }

    @Test
    void a_failed_force_is_never_retried_as_success() {
        AtomicBoolean failForce = new AtomicBoolean();
        AtomicLong forces = new AtomicLong();
        FaultInjector injector = wrapping(new Wrapper() {
            @Override
            public void force(SegmentChannel inner) throws IOException {
                forces.incrementAndGet();
                if (failForce.get()) {
                    throw new IOException("fsync failed: EIO");
                }
                inner.force();
            }
        });
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config().withFaultInjector(injector))) {
            store.append(STREAM, ExpectedVersion.noStream(), events(1));
            failForce.set(true);
            assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.exact(0), events(1)))
                    .isInstanceOf(StorageException.class);
            failForce.set(false);
            long forcesAfterFailure = forces.get();
            assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(), events(1)))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("reopen");
            assertThat(forces.get()).isEqualTo(forcesAfterFailure);
            assertThat(store.readStream(STREAM, 0, Direction.FORWARD, 10).events())
                    .hasSize(1);
        }
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            assertThat(store.readStream(STREAM, 0, Direction.FORWARD, 10).events())
                    .hasSizeBetween(1, 2);
        }
    }

    @Test
    void a_full_disk_fails_the_append_cleanly_and_the_store_works_again_after_reopening() {
        AtomicLong space = new AtomicLong(Long.MAX_VALUE);
        FaultInjector injector = wrapping(new Wrapper() {
            @Override
            public void write(SegmentChannel inner, ByteBuffer bytes, long offset) throws IOException {
                if (space.addAndGet(-bytes.remaining()) < 0) {
                    int room = (int) Math.max(0, bytes.remaining() + space.get());
                    inner.write(bytes.duplicate().limit(bytes.position() + room), offset);
                    throw new IOException("No space left on device");
                }
                inner.write(bytes, offset);
            }
        });
        List<EventData> acknowledged = new ArrayList<>();
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config().withFaultInjector(injector))) {
            for (int i = 0; i < 10; i++) {
                List<EventData> batch = events(2);
                store.append(STREAM, ExpectedVersion.any(), batch);
                acknowledged.addAll(batch);
            }
            space.set(100);
            assertThatThrownBy(() -> store.append(STREAM, ExpectedVersion.any(), events(5)))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("No space left on device");
        }
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config())) {
            assertThat(readAll(store)).containsExactlyElementsOf(acknowledged);
            store.append(STREAM, ExpectedVersion.exact(acknowledged.size() - 1L), events(1));
        }
    }

    private EmbeddedStoreConfig config() {
        return EmbeddedStoreConfig.of(directory).withSegmentSize(64 << 10);
    }

    private static List<EventData> readAll(EmbeddedEventStore store) {
        return store.readStream(STREAM, 0, Direction.FORWARD, 4096).events().stream()
                .map(RecordedEvent::toEventData)
                .toList();
    }

    private static List<EventData> bigEvents(int count) {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Events.event("Big", "\"" + "y".repeat(1000) + "\""));
        }
        return events;
    }

    /** Intercepts a segment channel's calls; the defaults pass them through. */
    interface Wrapper {
        default void write(SegmentChannel inner, ByteBuffer bytes, long offset) throws IOException {
            inner.write(bytes, offset);
        }

        default void force(SegmentChannel inner) throws IOException {
            inner.force();
        }
    }

    static FaultInjector wrapping(Wrapper wrapper) {
        return new FaultInjector() {
            @Override
            public SegmentChannel wrap(SegmentChannel inner) {
                return new SegmentChannel() {
                    @Override
                    public void write(ByteBuffer bytes, long offset) throws IOException {
                        wrapper.write(inner, bytes, offset);
                    }

                    @Override
                    public void force() throws IOException {
                        wrapper.force(inner);
                    }

                    @Override
                    public void close() throws IOException {
                        inner.close();
                    }
                };
            }
        };
    }
}
