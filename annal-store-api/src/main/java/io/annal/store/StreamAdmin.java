package io.annal.store;

import java.util.List;
import java.util.Optional;

/** Deleting streams, their retention and custom metadata, and listing them for operators. */
public interface StreamAdmin {

    /**
     * Soft-deletes {@code stream}: it reads as not found; a later append re-creates it and its
     * versions continue from where they were.
     *
     * @throws StreamNotFoundException the stream does not exist
     * @throws WrongExpectedVersionException the stream is not as expected
     */
    void delete(StreamName stream, ExpectedVersion expected);

    /**
     * Tombstones {@code stream}: its events are gone from reads and its name can never be used
     * again. Works on a stream that never existed, to reserve the name away.
     *
     * @throws WrongExpectedVersionException the stream is not as expected
     */
    void tombstone(StreamName stream, ExpectedVersion expected);

    /** The stream's metadata; {@link StreamMetadata#none()} when none was set. */
    StreamMetadata metadata(StreamName stream);

    /** Replaces the stream's metadata; the new bounds apply to every read from now on. */
    void setMetadata(StreamName stream, StreamMetadata metadata);

    /** The stream's summary, empty when it never existed. */
    Optional<StreamInfo> info(StreamName stream);

    /**
     * Up to {@code limit} streams whose names start with {@code prefix}, in name order, after
     * {@code after} when given. Includes deleted streams, marked as such.
     */
    List<StreamInfo> listStreams(String prefix, Optional<StreamName> after, int limit);
}
