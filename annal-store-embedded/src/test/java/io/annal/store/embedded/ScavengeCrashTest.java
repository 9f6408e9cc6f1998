package io.annal.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.annal.store.Direction;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamName;
import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.FaultPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scavenge cut short: by an I/O failure at {@link FaultPoint#DURING_SCAVENGE}, and by a crash,
 * taken as a copy of the directory at a fixed point (what a killed process leaves on disk).
 */
class ScavengeCrashTest {

    private static final StreamName OLD = StreamName.of("old-1");
    private static final StreamName KEPT = StreamName.of("kept-1");

    @TempDir
    Path directory;

    @TempDir
    Path crashed;

    @Test
    void a_failure_after_the_decision_keeps_the_store_working_and_the_next_open_finishes_the_scavenge()
            throws IOException {
        failAfterTheDecision(false);
    }

    @Test
    void a_failure_after_deciding_on_segments_behind_a_kept_one_is_finished_by_the_next_open() throws IOException {
        failAfterTheDecision(true);
        assertThat(Files.exists(crashed.resolve("0000000000.annal"))).isTrue();
    }

    private void failAfterTheDecision(boolean liveFirst) throws IOException {
        AtomicBoolean armed = new AtomicBoolean(true);
        FaultInjector injector = new FaultInjector() {
            @Override
            public void reached(FaultPoint point) throws IOException {
                if (point == FaultPoint.DURING_SCAVENGE && armed.get()) {
                    copy(directory, crashed);
                    throw new IOException("injected at " + point);
                }
            }
        };
        List<RecordedEvent> live;
        try (EmbeddedEventStore store =
                EmbeddedEventStore.open(config(directory).withFaultInjector(injector))) {
            live = deadThenLive(store, liveFirst);
            int files = segmentFiles(directory);

            assertThatThrownBy(store::scavenge)
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("next scavenge or open finishes it");

            assertThat(segmentFiles(directory)).isEqualTo(files);
            assertThat(ScavengeTest.allEvents(store)).isEqualTo(live);
            store.append(KEPT, ExpectedVersion.exact(39), Scenarios.big(1));
        }
        assertReclaimedOnOpen(crashed, live);
        assertReclaimedOnOpen(directory, live);
    }

    @Test
    void a_crash_while_the_scavenge_writes_its_checkpoint_reclaims_nothing() throws IOException {
        AtomicBoolean scavenging = new AtomicBoolean();
        FaultInjector injector = new FaultInjector() {
            @Override
            public void reached(FaultPoint point) {
                if (point == FaultPoint.DURING_INDEX_CHECKPOINT && scavenging.compareAndSet(true, false)) {
                    copy(directory, crashed);
                }
            }
        };
        List<RecordedEvent> live;
        int files;
        try (EmbeddedEventStore store =
                EmbeddedEventStore.open(config(directory).withFaultInjector(injector))) {
            live = deadThenLive(store, false);
            files = segmentFiles(directory);
            scavenging.set(true);
            assertThat(store.scavenge().segments()).isPositive();
        }
        assertThat(segmentFiles(crashed)).isEqualTo(files);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config(crashed))) {
            assertThat(ScavengeTest.allEvents(store)).isEqualTo(live);
            assertThat(store.scavenge().segments()).isPositive();
            assertThat(ScavengeTest.allEvents(store)).isEqualTo(live);
        }
    }

    private void assertReclaimedOnOpen(Path dir, List<RecordedEvent> live) throws IOException {
        int before = segmentFiles(dir);
        try (EmbeddedEventStore store = EmbeddedEventStore.open(config(dir))) {
            assertThat(segmentFiles(dir)).isLessThan(before);
            assertThat(ScavengeTest.allEvents(store).subList(0, live.size())).isEqualTo(live);
            assertThat(store.readStream(KEPT, 0, Direction.FORWARD, 100).events())
                    .hasSizeGreaterThanOrEqualTo(40);
            store.append(KEPT, ExpectedVersion.any(), Scenarios.big(3));
        }
    }

    /**
     * Two and a half segments of a tombstoned stream, then 40 live events, or 10 of them before and 30
     * after; returns what reads see.
     */
    private static List<RecordedEvent> deadThenLive(EmbeddedEventStore store, boolean liveFirst) {
        if (liveFirst) {
            store.append(KEPT, ExpectedVersion.any(), Scenarios.big(10));
        }
        for (int i = 0; i < 15; i++) {
            store.append(OLD, ExpectedVersion.any(), Scenarios.big(10));
        }
        store.tombstone(OLD, ExpectedVersion.any());
        store.append(KEPT, ExpectedVersion.any(), Scenarios.big(liveFirst ? 30 : 40));
        return ScavengeTest.allEvents(store);
    }

    private static EmbeddedStoreConfig config(Path dir) {
        return EmbeddedStoreConfig.of(dir).withSegmentSize(64 << 10);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int segmentFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int)
                    files.filter(file -> file.toString().endsWith(".annal")).count();
        }
    }
}
