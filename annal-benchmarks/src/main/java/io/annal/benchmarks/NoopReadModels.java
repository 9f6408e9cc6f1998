package io.annal.benchmarks;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionSink;
import io.annal.projection.ProjectionStore;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A read-model store that keeps only a checkpoint in memory and counts the events it is handed, so
 * that P4 measures the projection runner and the store's reads, not a database.
 */
final class NoopReadModels implements ProjectionStore<Void> {

    final AtomicLong applied = new AtomicLong();
    private volatile Optional<ServedGeneration> served = Optional.empty();

    @Override
    public Optional<ServedGeneration> served(String projection) {
        return served;
    }

    @Override
    public ProjectionSink open(Projection<Void> projection, long generation) {
        return create(projection, generation);
    }

    @Override
    public ProjectionSink create(Projection<Void> projection, long generation) {
        return new ProjectionSink() {
            private volatile Optional<Position> checkpoint = Optional.empty();

            @Override
            public Optional<Position> checkpoint() {
                return checkpoint;
            }

            @Override
            public void apply(List<RecordedEvent> events, Position upTo) throws Exception {
                for (RecordedEvent event : events) {
                    projection.handler().handle(null, event);
                }
                applied.addAndGet(events.size());
                checkpoint = Optional.of(upTo);
            }

            @Override
            public void park(RecordedEvent event, String error, int attempts) {
                throw new IllegalStateException("the no-op projection failed on " + event.id() + ": " + error);
            }

            @Override
            public void retry(DeadLetter letter, RecordedEvent event) {
                throw new UnsupportedOperationException("no dead letters here");
            }
        };
    }

    @Override
    public void serve(String projection, long generation, int codeVersion) {
        served = Optional.of(new ServedGeneration(generation, codeVersion));
    }

    @Override
    public List<DeadLetter> deadLetters(String projection) {
        return List.of();
    }

    @Override
    public Optional<DeadLetter> deadLetter(String id) {
        return Optional.empty();
    }

    @Override
    public void skip(String id) {}
}
