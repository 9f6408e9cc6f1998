package io.annal.projection;

import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-model store in memory for the runner's tests: each generation is a map of text values,
 * and a batch is applied to a copy that replaces the map together with the checkpoint.
 */
final class MemoryReadModels implements ProjectionStore<Map<String, String>> {

    private record Build(Map<String, String> data, long checkpoint) {}

    private final Map<String, Build> builds = new ConcurrentHashMap<>();
    private final Map<String, ServedGeneration> served = new ConcurrentHashMap<>();
    private final Map<String, DeadLetter> letters = new ConcurrentHashMap<>();

    /** What queries read: the served generation's data. */
    synchronized Map<String, String> read(String projection) {
        ServedGeneration generation = served.get(projection);
        return generation == null
                ? Map.of()
                : Map.copyOf(
                        builds.get(key(projection, generation.generation())).data());
    }

    @Override
    public Optional<ServedGeneration> served(String projection) {
        return Optional.ofNullable(served.get(projection));
    }

    @Override
    public synchronized ProjectionSink open(Projection<Map<String, String>> projection, long generation) {
        return builds.containsKey(key(projection.name(), generation))
                ? sink(projection, generation)
                : create(projection, generation);
    }

    @Override
    public synchronized ProjectionSink create(Projection<Map<String, String>> projection, long generation) {
        builds.put(key(projection.name(), generation), new Build(Map.of(), -1));
        return sink(projection, generation);
    }

    @Override
    public synchronized void serve(String projection, long generation, int codeVersion) {
        ServedGeneration old = served.put(projection, new ServedGeneration(generation, codeVersion));
        if (old != null && old.generation() != generation) {
            builds.remove(key(projection, old.generation()));
        }
    }

    @Override
    public List<DeadLetter> deadLetters(String projection) {
        return letters.values().stream()
                .filter(l -> l.projection().equals(projection))
                .toList();
    }

    @Override
    public Optional<DeadLetter> deadLetter(String id) {
        return Optional.ofNullable(letters.get(id));
    }

    @Override
    public void skip(String id) {
        letters.remove(id);
    }

    private ProjectionSink sink(Projection<Map<String, String>> projection, long generation) {
        String key = key(projection.name(), generation);
        return new ProjectionSink() {
            @Override
            public Optional<Position> checkpoint() {
                long at = builds.get(key).checkpoint();
                return at < 0 ? Optional.empty() : Optional.of(Position.of(at));
            }

            @Override
            public void apply(List<RecordedEvent> events, Position upTo) throws Exception {
                synchronized (MemoryReadModels.this) {
                    Build build = builds.get(key);
                    Map<String, String> data = new HashMap<>(build.data());
                    for (RecordedEvent event : events) {
                        if (event.position().value() > build.checkpoint()) {
                            projection.handler().handle(data, event);
                        }
                    }
                    builds.put(key, new Build(data, Math.max(build.checkpoint(), upTo.value())));
                }
            }

            @Override
            public void park(RecordedEvent event, String error, int attempts) {
                synchronized (MemoryReadModels.this) {
                    Build build = builds.get(key);
                    String id = UUID.randomUUID().toString();
                    letters.put(
                            id,
                            new DeadLetter(
                                    id,
                                    projection.name(),
                                    generation,
                                    event.position(),
                                    event.stream(),
                                    event.version(),
                                    event.id(),
                                    event.type(),
                                    error,
                                    attempts,
                                    Instant.now()));
                    builds.put(key, new Build(build.data(), event.position().value()));
                }
            }

            @Override
            public void retry(DeadLetter letter, RecordedEvent event) throws Exception {
                synchronized (MemoryReadModels.this) {
                    Build build = builds.get(key);
                    Map<String, String> data = new HashMap<>(build.data());
                    projection.handler().handle(data, event);
                    letters.remove(letter.id());
                    builds.put(key, new Build(data, build.checkpoint()));
                }
            }
        };
    }

    private static String key(String projection, long generation) {
        return projection + "/" + generation;
    }
}
