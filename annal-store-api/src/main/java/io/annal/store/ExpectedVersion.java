package io.annal.store;

import java.util.Optional;

/**
 * What a writer expects of a stream before its append: anything, that it does not exist, that it
 * exists, or that its last event has exactly a given version. The check and the append are one
 * atomic step.
 */
public sealed interface ExpectedVersion {

    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    static ExpectedVersion noStream() {
        return NoStream.INSTANCE;
    }

    static ExpectedVersion exists() {
        return Exists.INSTANCE;
    }

    /** The stream's last event must have version {@code version} (versions count from 0). */
    static ExpectedVersion exact(long version) {
        return new Exact(version);
    }

    /**
     * Whether a stream whose last live version is {@code current} (empty when the stream does not
     * exist, or was soft-deleted and not re-created) meets this expectation. {@code lastWritten} is
     * the last version ever written, which survives a soft delete.
     */
    boolean isMetBy(Optional<Long> current, Optional<Long> lastWritten);

    /** Appends to the stream whatever its state (but a tombstone still refuses). */
    enum Any implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean isMetBy(Optional<Long> current, Optional<Long> lastWritten) {
            return true;
        }

        @Override
        public String toString() {
            return "any";
        }
    }

    /** The stream must not exist (a soft-deleted stream does not exist). */
    enum NoStream implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean isMetBy(Optional<Long> current, Optional<Long> lastWritten) {
            return current.isEmpty();
        }

        @Override
        public String toString() {
            return "no-stream";
        }
    }

    /** The stream must exist. */
    enum Exists implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean isMetBy(Optional<Long> current, Optional<Long> lastWritten) {
            return current.isPresent();
        }

        @Override
        public String toString() {
            return "exists";
        }
    }

    /**
     * The stream's last written version must be {@code version}. After a soft delete the versions
     * continue, so the last version written before the delete still matches.
     */
    record Exact(long version) implements ExpectedVersion {
        public Exact {
            if (version < 0) {
                throw new IllegalArgumentException("an exact expected version is 0 or more (got " + version
                        + "); use noStream() for a new stream");
            }
        }

        @Override
        public boolean isMetBy(Optional<Long> current, Optional<Long> lastWritten) {
            return lastWritten.isPresent() && lastWritten.get() == version;
        }

        @Override
        public String toString() {
            return Long.toString(version);
        }
    }
}
