package io.annal.store;

import java.util.Optional;

/** The stream was not as the writer expected: nothing was appended. Reload and decide again. */
public final class WrongExpectedVersionException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    private final transient StreamName stream;
    private final transient ExpectedVersion expected;
    private final Long currentVersion;

    public WrongExpectedVersionException(StreamName stream, ExpectedVersion expected, Optional<Long> currentVersion) {
        super("stream '" + stream + "' expected version " + expected + " but its current version is "
                + currentVersion.map(String::valueOf).orElse("none (the stream does not exist)")
                + "; read the stream again and retry with its current version");
        this.stream = stream;
        this.expected = expected;
        this.currentVersion = currentVersion.orElse(null);
    }

    public StreamName stream() {
        return stream;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's current last version, empty when it does not exist. */
    public Optional<Long> currentVersion() {
        return Optional.ofNullable(currentVersion);
    }
}
