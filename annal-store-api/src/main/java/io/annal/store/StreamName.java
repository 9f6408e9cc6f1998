package io.annal.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The name of a stream: 1 to 256 UTF-8 bytes, no control characters. Names starting with {@code
 * $} are reserved for Annal's own system streams and can only be made through {@link #system}.
 */
public record StreamName(String value) implements Comparable<StreamName> {

    /** The longest name, in UTF-8 bytes. */
    public static final int MAX_BYTES = 256;

    /** The prefix that marks a system stream. */
    public static final String SYSTEM_PREFIX = "$";

    public StreamName {
        Objects.requireNonNull(value, "stream name");
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidStreamNameException(value, problem);
        }
    }

    /** A user stream name; rejects the reserved {@code $} prefix. */
    public static StreamName of(String value) {
        if (value != null && value.startsWith(SYSTEM_PREFIX)) {
            throw new InvalidStreamNameException(
                    value, "names starting with '$' are reserved for system streams; choose another name");
        }
        return new StreamName(value);
    }

    /** A system stream name, which must start with {@code $}. */
    public static StreamName system(String value) {
        if (value == null || !value.startsWith(SYSTEM_PREFIX)) {
            throw new InvalidStreamNameException(value, "system stream names start with '$'");
        }
        return new StreamName(value);
    }

    public boolean isSystem() {
        return value.startsWith(SYSTEM_PREFIX);
    }

    /** Whether this name starts with {@code prefix}. */
    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /** Why {@code value} is not a valid name, or {@code null} when it is. */
    static String problemWith(String value) {
        if (value.isEmpty()) {
            return "a stream name must not be empty";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "a stream name must not contain control characters (found U+" + String.format("%04X", (int) c)
                        + " at index " + i + ")";
            }
            if (Character.isSurrogate(c)) {
                boolean pairedHigh = Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!pairedHigh) {
                    return "a stream name must be valid Unicode (unpaired surrogate at index " + i + ")";
                }
                i++;
            }
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return "a stream name must be at most " + MAX_BYTES + " UTF-8 bytes (this one is " + bytes + ")";
        }
        return null;
    }

    @Override
    public int compareTo(StreamName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
