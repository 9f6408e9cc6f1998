package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.http.Operations;
import io.annal.projection.DeadLetter;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionInfo;
import io.annal.projection.ProjectionManager;
import io.annal.store.Position;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Health, metrics, and the projections and dead letters of the read models' projection manager. */
final class ServerOperations implements Operations {

    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry registry;
    private final ProjectionManager projections;

    ServerOperations(BooleanSupplier ready, PrometheusMeterRegistry registry, ProjectionManager projections) {
        this.ready = ready;
        this.registry = registry;
        this.projections = projections;
    }

    @Override
    public boolean ready() {
        return ready.getAsBoolean();
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public List<JsonNode> projections() {
        return projections.list().stream().map(ServerOperations::render).toList();
    }

    private static JsonNode render(ProjectionInfo p) {
        return Documents.JSON
                .createObjectNode()
                .put("name", p.name())
                .put("status", p.status().name().toLowerCase(Locale.ROOT))
                .put("position", p.position().map(Position::value).orElse(-1L))
                .put("lagEvents", p.lagEvents())
                .put("lagMillis", p.lagMillis())
                .put("errors", p.errors());
    }

    @Override
    public boolean controlProjection(String name, String action) {
        if (projections.list().stream().noneMatch(p -> p.name().equals(name))) {
            return false;
        }
        switch (action) {
            case "rebuild" -> projections.rebuild(name);
            case "pause" -> projections.pause(name);
            case "resume" -> projections.resume(name);
            default -> throw new IllegalArgumentException(action);
        }
        return true;
    }

    @Override
    public List<JsonNode> deadLetters() {
        return projections.deadLetters().stream().map(ServerOperations::render).toList();
    }

    @Override
    public Optional<JsonNode> resolveDeadLetter(String id, String action) {
        Optional<DeadLetter> letter = projections.deadLetters().stream()
                .filter(d -> d.id().equals(id))
                .findFirst();
        if (letter.isEmpty()) {
            return Optional.empty();
        }
        if (action.equals("retry")) {
            try {
                projections.retryDeadLetter(id);
            } catch (ProjectionException e) {
                // it failed again and stays parked: answer with the letter as it is now
                return Optional.of(render(projections.deadLetters().stream()
                        .filter(d -> d.id().equals(id))
                        .findFirst()
                        .orElse(letter.get())));
            }
        } else {
            projections.skipDeadLetter(id);
        }
        return letter.map(ServerOperations::render);
    }

    private static JsonNode render(DeadLetter letter) {
        return Documents.JSON
                .createObjectNode()
                .put("id", letter.id())
                .put("projection", letter.projection())
                .put("stream", letter.stream().value())
                .put("version", letter.streamVersion())
                .put("position", letter.position().value())
                .put("type", letter.eventType())
                .put("error", letter.error())
                .put("attempts", letter.attempts());
    }
}
