package io.annal.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stream's summary for operators: its state, the last version written and when it was last
 * written (both empty for a name that was tombstoned before it was ever written).
 */
public record StreamInfo(StreamName stream, StreamState state, OptionalLong lastVersion, Optional<Instant> lastWrite) {}
