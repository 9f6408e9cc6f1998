package io.annal.store;

import java.util.List;

/**
 * Appends events. An append is atomic and contiguous: all its events land in order at the end of
 * their stream, or none do. It returns only once the events are durable and visible to readers.
 *
 * <p>Idempotency: when every event id of a stream's part is already in that stream, in the same
 * order at consecutive versions, the append is a retry: nothing is appended and the original
 * result comes back with {@link AppendResult#duplicate()} set, whatever the expected version. When
 * only some ids are there, it fails with {@link IdempotencyConflictException}.
 */
public interface EventAppender {

    /**
     * Appends {@code events} to {@code stream} if it meets {@code expected}.
     *
     * @throws WrongExpectedVersionException the stream is not as expected
     * @throws StreamDeletedException the stream was tombstoned
     * @throws IdempotencyConflictException some of the ids were appended before, not all
     * @throws EventTooLargeException an event exceeds {@link StoreLimits#MAX_EVENT_SIZE}
     * @throws InvalidRequestException no events, or repeated ids within the request
     * @throws StorageException the storage failed; the append was not acknowledged
     */
    AppendResult append(StreamName stream, ExpectedVersion expected, List<EventData> events);

    /**
     * Appends to several streams as one atomic step: each part must meet its own expected version,
     * and either every part is appended or none is. A stream may appear once.
     *
     * @return one result per part, in the order given
     */
    List<AppendResult> appendAtomically(List<StreamAppend> appends);
}
