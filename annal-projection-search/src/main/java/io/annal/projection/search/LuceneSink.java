package io.annal.projection.search;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionSink;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One build of one search projection: each step is one Lucene commit carrying the checkpoint. */
final class LuceneSink implements ProjectionSink {

    private final Build build;
    private final Projection<SearchContext> projection;
    private final long generation;
    private final InstantSource clock;

    LuceneSink(Build build, Projection<SearchContext> projection, long generation, InstantSource clock) {
        this.build = build;
        this.projection = projection;
        this.generation = generation;
        this.clock = clock;
    }

    @Override
    public Optional<Position> checkpoint() {
        long stored = build.checkpoint();
        return stored < 0 ? Optional.empty() : Optional.of(Position.of(stored));
    }

    @Override
    public void apply(List<RecordedEvent> events, Position upTo) throws Exception {
        build.commit((writer, stored) -> {
            SearchContext context = new SearchContext(writer);
            for (RecordedEvent event : events) {
                if (event.position().value() > stored) {
                    projection.handler().handle(context, event);
                }
            }
            return Math.max(stored, upTo.value());
        });
    }

    @Override
    public void park(RecordedEvent event, String error, int attempts) throws Exception {
        build.commit((writer, stored) -> {
            if (event.position().value() <= stored) {
                return stored;
            }
            String id = UUID.randomUUID().toString();
            writer.addDocument(
                    DeadLetterDocuments.of(id, projection.name(), generation, event, error, attempts, clock.instant()));
            return event.position().value();
        });
    }

    @Override
    public void retry(DeadLetter letter, RecordedEvent event) throws Exception {
        boolean parked = build.search(
                s -> s.count(new org.apache.lucene.search.TermQuery(DeadLetterDocuments.id(letter.id()))) > 0);
        if (!parked) {
            throw new ProjectionException("dead letter " + letter.id() + " was already retried or skipped");
        }
        build.commit((writer, stored) -> {
            projection.handler().handle(new SearchContext(writer), event);
            writer.deleteDocuments(DeadLetterDocuments.id(letter.id()));
            return stored;
        });
    }
}
