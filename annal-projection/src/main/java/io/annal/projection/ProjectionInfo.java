package io.annal.projection;

import io.annal.store.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * A projection as operators see it ({@code GET /admin/projections}).
 *
 * @param position the last position the serving read model reflects; empty before the first
 * @param lagEvents how many positions the head is ahead (exact when the store's positions are
 *     contiguous, an upper bound otherwise)
 * @param lagMillis how long the oldest event not yet applied has been waiting; 0 when caught up
 * @param errors failed attempts since start, retried ones included
 */
public record ProjectionInfo(
        String name,
        ProjectionStatus status,
        Optional<Position> position,
        long lagEvents,
        long lagMillis,
        long errors,
        Optional<String> lastError) {

    public ProjectionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(lastError, "lastError");
    }
}
