package io.annal.store.postgres.internal;

/**
 * An event's place: its version and global position. Events already stored have both; events
 * planned in the current batch get their position once the batch has allocated positions.
 */
final class EventSlot {

    final long version;
    private long position;

    EventSlot(long version, long position) {
        this.version = version;
        this.position = position;
    }

    static EventSlot planned(long version) {
        return new EventSlot(version, -1);
    }

    long position() {
        if (position < 0) {
            throw new IllegalStateException("position not allocated yet");
        }
        return position;
    }

    void allocate(long value) {
        position = value;
    }
}
