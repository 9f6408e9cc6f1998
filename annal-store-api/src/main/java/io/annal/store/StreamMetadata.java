package io.annal.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Retention and custom data of a stream. Reads no longer return events beyond these bounds: more
 * than {@code maxCount} back from the last, older than {@code maxAge}, or with a version below
 * {@code truncateBefore}; compaction reclaims them later. {@code custom} is a JSON object (UTF-8)
 * kept as given.
 */
public record StreamMetadata(
        OptionalLong maxCount, Optional<Duration> maxAge, OptionalLong truncateBefore, byte[] custom) {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private static final StreamMetadata NONE =
            new StreamMetadata(OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), EMPTY_OBJECT);

    public StreamMetadata {
        Objects.requireNonNull(maxCount, "maxCount");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(truncateBefore, "truncateBefore");
        custom = custom == null || custom.length == 0 ? EMPTY_OBJECT : custom.clone();
        if (maxCount.isPresent() && maxCount.getAsLong() < 1) {
            throw new IllegalArgumentException("maxCount must be 1 or more (got " + maxCount.getAsLong() + ")");
        }
        if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
            throw new IllegalArgumentException("maxAge must be positive (got " + maxAge.get() + ")");
        }
        if (truncateBefore.isPresent() && truncateBefore.getAsLong() < 0) {
            throw new IllegalArgumentException(
                    "truncateBefore must be 0 or more (got " + truncateBefore.getAsLong() + ")");
        }
    }

    /** No bounds and no custom data. */
    public static StreamMetadata none() {
        return NONE;
    }

    public StreamMetadata withMaxCount(long value) {
        return new StreamMetadata(OptionalLong.of(value), maxAge, truncateBefore, custom);
    }

    public StreamMetadata withMaxAge(Duration value) {
        return new StreamMetadata(maxCount, Optional.of(value), truncateBefore, custom);
    }

    public StreamMetadata withTruncateBefore(long version) {
        return new StreamMetadata(maxCount, maxAge, OptionalLong.of(version), custom);
    }

    public StreamMetadata withCustom(byte[] json) {
        return new StreamMetadata(maxCount, maxAge, truncateBefore, json);
    }

    /** The lowest version that {@code maxCount} and {@code truncateBefore} keep, for a stream ending at {@code lastVersion}. */
    public long firstKeptVersion(long lastVersion) {
        long first = 0;
        if (maxCount.isPresent()) {
            first = Math.max(first, lastVersion - maxCount.getAsLong() + 1);
        }
        if (truncateBefore.isPresent()) {
            first = Math.max(first, truncateBefore.getAsLong());
        }
        return first;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamMetadata other
                && maxCount.equals(other.maxCount)
                && maxAge.equals(other.maxAge)
                && truncateBefore.equals(other.truncateBefore)
                && Arrays.equals(custom, other.custom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxCount, maxAge, truncateBefore, Arrays.hashCode(custom));
    }

    @Override
    public String toString() {
        return "StreamMetadata[maxCount=" + maxCount + ", maxAge=" + maxAge + ", truncateBefore=" + truncateBefore
                + ", custom=" + new String(custom, StandardCharsets.UTF_8) + "]";
    }
}
