package io.annal.store;

/**
 * Where an append landed: the versions and global positions of its first and last events. {@code
 * duplicate} is true when every event was already in the stream at that place, so nothing was
 * appended and this is the original result.
 */
public record AppendResult(
        StreamName stream,
        long firstVersion,
        long lastVersion,
        Position firstPosition,
        Position lastPosition,
        boolean duplicate) {

    public int count() {
        return (int) (lastVersion - firstVersion + 1);
    }
}
