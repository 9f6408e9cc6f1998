package io.annal.store.embedded;

import io.annal.store.embedded.internal.log.FaultInjector;
import io.annal.store.embedded.internal.log.LogFormat;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Where and how an {@link EmbeddedEventStore} keeps its log. Defaults: the system clock, {@link
 * Durability#FSYNC}, 64 MiB segments and an index checkpoint after every 64 MiB of log. An atomic
 * append must fit in one segment.
 */
public final class EmbeddedStoreConfig {

    private static final long DEFAULT_CHECKPOINT_BYTES = 64L << 20;

    private final Path directory;
    private final InstantSource clock;
    private final Durability durability;
    private final long segmentSize;
    private final FaultInjector faults;
    private final long checkpointBytes;

    private EmbeddedStoreConfig(
            Path directory,
            InstantSource clock,
            Durability durability,
            long segmentSize,
            FaultInjector faults,
            long checkpointBytes) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.durability = Objects.requireNonNull(durability, "durability");
        if (segmentSize < LogFormat.MIN_SEGMENT_SIZE
                || segmentSize > LogFormat.MAX_SEGMENT_SIZE
                || segmentSize % LogFormat.FRAME_ALIGNMENT != 0) {
            throw new IllegalArgumentException("segment size must be a multiple of 8 between "
                    + LogFormat.MIN_SEGMENT_SIZE + " and " + LogFormat.MAX_SEGMENT_SIZE + " bytes (got " + segmentSize
                    + ")");
        }
        this.segmentSize = segmentSize;
        this.faults = Objects.requireNonNull(faults, "faults");
        if (checkpointBytes < 1) {
            throw new IllegalArgumentException(
                    "the checkpoint interval must be positive (got " + checkpointBytes + ")");
        }
        this.checkpointBytes = checkpointBytes;
    }

    /** A store in {@code directory} (created when missing) with the defaults. */
    public static EmbeddedStoreConfig of(Path directory) {
        return new EmbeddedStoreConfig(
                directory,
                InstantSource.system(),
                Durability.FSYNC,
                LogFormat.DEFAULT_SEGMENT_SIZE,
                FaultInjector.NONE,
                DEFAULT_CHECKPOINT_BYTES);
    }

    public EmbeddedStoreConfig withClock(InstantSource newClock) {
        return new EmbeddedStoreConfig(directory, newClock, durability, segmentSize, faults, checkpointBytes);
    }

    public EmbeddedStoreConfig withDurability(Durability newDurability) {
        return new EmbeddedStoreConfig(directory, clock, newDurability, segmentSize, faults, checkpointBytes);
    }

    /** The size of new segment files, in bytes (existing ones keep theirs). */
    public EmbeddedStoreConfig withSegmentSize(long bytes) {
        return new EmbeddedStoreConfig(directory, clock, durability, bytes, faults, checkpointBytes);
    }

    /** For tests: a hook that injects crashes and I/O failures at fixed points of the write path. */
    EmbeddedStoreConfig withFaultInjector(FaultInjector injector) {
        return new EmbeddedStoreConfig(directory, clock, durability, segmentSize, injector, checkpointBytes);
    }

    /**
     * How many bytes of log are appended between two index checkpoints, written in the background;
     * open replays only the log after the last one. While one is being written, the next waits.
     */
    public EmbeddedStoreConfig withCheckpointEvery(long bytes) {
        return new EmbeddedStoreConfig(directory, clock, durability, segmentSize, faults, bytes);
    }

    public long checkpointBytes() {
        return checkpointBytes;
    }

    public Path directory() {
        return directory;
    }

    public InstantSource clock() {
        return clock;
    }

    public Durability durability() {
        return durability;
    }

    public long segmentSize() {
        return segmentSize;
    }

    FaultInjector faults() {
        return faults;
    }
}
