package io.annal.store;

/** Reads one stream, using its index: never by scanning the whole store. */
public interface StreamReader {

    /**
     * Reads up to {@code maxCount} events of {@code stream} starting at version {@code from}
     * (inclusive) in {@code direction}. Backward from {@link Long#MAX_VALUE} starts at the last
     * event. Events outside the stream's retention bounds are skipped.
     *
     * @throws StreamNotFoundException the stream does not exist or was soft-deleted
     * @throws StreamDeletedException the stream was tombstoned
     * @throws InvalidRequestException {@code from} is negative or {@code maxCount} is outside 1 to
     *     {@link StoreLimits#MAX_READ_COUNT}
     */
    StreamSlice readStream(StreamName stream, long from, Direction direction, int maxCount);
}
