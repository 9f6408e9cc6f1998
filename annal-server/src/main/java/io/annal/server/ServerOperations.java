package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.http.Operations;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Health, metrics, projections and dead letters of the in-process read models. */
final class ServerOperations implements Operations {

    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry registry;
    private final ReadModels readModels;

    ServerOperations(BooleanSupplier ready, PrometheusMeterRegistry registry, ReadModels readModels) {
        this.ready = ready;
        this.registry = registry;
        this.readModels = readModels;
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
        return readModels.projections().stream()
                .<JsonNode>map(p -> ReadModels.JSON
                        .createObjectNode()
                        .put("name", p.name())
                        .put("status", p.status())
                        .put("position", p.position())
                        .put("lagEvents", p.lagEvents())
                        .put("lagMillis", p.lagMillis())
                        .put("errors", p.errors()))
                .toList();
    }

    @Override
    public boolean controlProjection(String name, String action) {
        Optional<LiveProjection> projection = find(name);
        projection.ifPresent(p -> {
            switch (action) {
                case "rebuild" -> p.rebuild();
                case "pause" -> p.pause();
                case "resume" -> p.resume();
                default -> throw new IllegalArgumentException(action);
            }
        });
        return projection.isPresent();
    }

    @Override
    public List<JsonNode> deadLetters() {
        return readModels.projections().stream()
                .flatMap(p -> p.deadLetters().stream())
                .map(ServerOperations::render)
                .toList();
    }

    @Override
    public Optional<JsonNode> resolveDeadLetter(String id, String action) {
        for (LiveProjection p : readModels.projections()) {
            Optional<LiveProjection.DeadLetter> done = p.resolve(id, action.equals("retry"));
            if (done.isPresent()) {
                return done.map(ServerOperations::render);
            }
        }
        return Optional.empty();
    }

    private Optional<LiveProjection> find(String name) {
        return readModels.projections().stream()
                .filter(p -> p.name().equals(name))
                .findFirst();
    }

    private static JsonNode render(LiveProjection.DeadLetter letter) {
        ObjectNode out = ReadModels.JSON
                .createObjectNode()
                .put("id", letter.id())
                .put("projection", letter.projection())
                .put("stream", letter.event().stream().value())
                .put("version", letter.event().version())
                .put("position", letter.event().position().value())
                .put("type", letter.event().type())
                .put("error", letter.error());
        return out;
    }
}
