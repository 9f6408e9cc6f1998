package io.annal.http;

import java.time.Instant;

/** When a temporal query asks about: as of an instant, or at a version of the stream. */
public sealed interface PointInTime {

    record AsOf(Instant instant) implements PointInTime {}

    record AtVersion(long version) implements PointInTime {}
}
