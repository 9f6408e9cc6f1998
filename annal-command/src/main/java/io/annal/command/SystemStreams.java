package io.annal.command;

import io.annal.store.InvalidStreamNameException;
import io.annal.store.StreamName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Names of the runtime's system streams, and ids derived from names. */
final class SystemStreams {

    static final String COMMAND_PREFIX = "$command-";
    static final String SNAPSHOT_PREFIX = "$snapshot-";

    private SystemStreams() {}

    /** The stream that records the outcome of the command with id {@code commandId}. */
    static StreamName command(String commandId) {
        return derive(COMMAND_PREFIX, commandId);
    }

    /** The stream that keeps the latest snapshot of {@code stream}. */
    static StreamName snapshot(StreamName stream) {
        return derive(SNAPSHOT_PREFIX, stream.value());
    }

    /**
     * {@code prefix + key} when that is a valid name; otherwise (too long, control characters)
     * the prefix plus a hash of the key, so that every key still gets its own stream.
     */
    static StreamName derive(String prefix, String key) {
        try {
            return StreamName.system(prefix + key);
        } catch (InvalidStreamNameException e) {
            return StreamName.system(prefix + "~" + sha256(key));
        }
    }

    /** A name-based id: the same parts always give the same id. */
    static UUID nameId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
