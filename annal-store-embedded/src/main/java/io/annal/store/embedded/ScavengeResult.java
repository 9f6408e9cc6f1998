package io.annal.store.embedded;

/**
 * What one {@link EmbeddedEventStore#scavenge()} reclaimed: whole segment files, and their bytes on
 * disk.
 */
public record ScavengeResult(int segments, long bytes) {

    public ScavengeResult {
        if (segments < 0 || bytes < 0) {
            throw new IllegalArgumentException(
                    "segments and bytes must be 0 or more (got " + segments + ", " + bytes + ")");
        }
    }

    /** Nothing was reclaimed. */
    public static ScavengeResult none() {
        return new ScavengeResult(0, 0);
    }
}
