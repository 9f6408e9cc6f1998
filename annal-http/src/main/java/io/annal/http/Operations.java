package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** What the operations endpoints report and control, supplied by whoever composes the server. */
public interface Operations {

    /** Storage recovered and projections started. */
    boolean ready();

    /** The metrics in Prometheus text format. */
    String scrape();

    /** {@code [{name, status, position, lagEvents, lagMillis, errors}]}. */
    default List<JsonNode> projections() {
        return List.of();
    }

    /** Runs {@code rebuild}, {@code pause} or {@code resume} on a projection; false when unknown. */
    default boolean controlProjection(String name, String action) {
        return false;
    }

    default List<JsonNode> deadLetters() {
        return List.of();
    }

    /** Runs {@code retry} or {@code skip} on a dead letter; empty when it is unknown. */
    default Optional<JsonNode> resolveDeadLetter(String id, String action) {
        return Optional.empty();
    }
}
