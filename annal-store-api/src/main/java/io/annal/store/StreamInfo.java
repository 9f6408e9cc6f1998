package io.annal.store;

import java.time.Instant;

/** A stream's summary for operators: its state, last version written and when it was last written. */
public record StreamInfo(StreamName stream, StreamState state, long lastVersion, Instant lastWrite) {}
