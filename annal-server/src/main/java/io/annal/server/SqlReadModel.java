package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.http.PointInTime;
import io.annal.http.ReadModel;
import io.annal.projection.ProjectionManager;
import io.annal.store.Position;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A query route over a projection run by the {@link ProjectionManager}: now from the stored read
 * model, in the past by folding the stream, and positions from the projection's checkpoint.
 */
final class SqlReadModel<T> implements ReadModel {

    private final String name;
    private final ProjectionManager manager;
    private final Function<String, Optional<T>> find;
    private final StreamFold<?, T> fold;
    private final Function<T, JsonNode> render;
    private final Optional<Function<Map<String, List<String>>, JsonNode>> search;

    SqlReadModel(
            String name,
            ProjectionManager manager,
            Function<String, Optional<T>> find,
            StreamFold<?, T> fold,
            Function<T, JsonNode> render,
            Optional<Function<Map<String, List<String>>, JsonNode>> search) {
        this.name = name;
        this.manager = manager;
        this.find = find;
        this.fold = fold;
        this.render = render;
        this.search = search;
    }

    @Override
    public Optional<JsonNode> find(String key) {
        return find.apply(key).map(render);
    }

    @Override
    public Optional<JsonNode> findAt(String key, PointInTime at) {
        return fold.at(key, at).map(render);
    }

    @Override
    public Optional<JsonNode> search(Map<String, List<String>> parameters) {
        return search.map(s -> s.apply(parameters));
    }

    /** Each key's document is folded from one stream, as the temporal answers show. */
    @Override
    public Optional<String> streamPrefix() {
        return Optional.of(fold.prefix());
    }

    @Override
    public long position() {
        return manager.position(name).map(Position::value).orElse(-1L);
    }

    @Override
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        return manager.awaitPosition(name, Position.of(Math.max(0, position)), timeout);
    }
}
