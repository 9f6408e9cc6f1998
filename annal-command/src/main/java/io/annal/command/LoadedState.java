package io.annal.command;

import io.annal.store.StreamName;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A stream's state and the version of the last event folded into it; no version when the stream
 * has no events (yet, or as of the requested point).
 */
public record LoadedState<S>(StreamName stream, S state, OptionalLong version) {

    public LoadedState {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(version, "version");
    }
}
