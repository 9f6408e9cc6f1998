package io.annal.projection.jdbc;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionSink;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.sql.Connection;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One build of one SQL projection. Every method is one transaction that reads the stored
 * checkpoint under a lock first, so redelivered events and a second writer change nothing.
 */
final class JdbcSink implements ProjectionSink {

    private final Transactions transactions;
    private final Projection<JdbcContext> projection;
    private final long generation;
    private final InstantSource clock;

    JdbcSink(Transactions transactions, Projection<JdbcContext> projection, long generation, InstantSource clock) {
        this.transactions = transactions;
        this.projection = projection;
        this.generation = generation;
        this.clock = clock;
    }

    @Override
    public Optional<Position> checkpoint() throws Exception {
        return transactions.read(c -> {
            long stored = stored(c);
            return stored < 0 ? Optional.<Position>empty() : Optional.of(Position.of(stored));
        });
    }

    @Override
    public void apply(List<RecordedEvent> events, Position upTo) throws Exception {
        transactions.write(c -> {
            long stored = stored(c);
            JdbcContext.applying(c, generation).run(context -> {
                for (RecordedEvent event : events) {
                    if (event.position().value() > stored) {
                        projection.handler().handle(context, event);
                    }
                }
            });
            if (upTo.value() > stored) {
                Catalog.saveCheckpoint(c, projection.name(), generation, upTo.value());
            }
            return null;
        });
    }

    @Override
    public void park(RecordedEvent event, String error, int attempts) throws Exception {
        transactions.write(c -> {
            if (event.position().value() > stored(c)) {
                DeadLetters.park(c, projection.name(), generation, event, error, attempts, clock.instant());
                Catalog.saveCheckpoint(
                        c, projection.name(), generation, event.position().value());
            }
            return null;
        });
    }

    @Override
    public void retry(DeadLetter letter, RecordedEvent event) throws Exception {
        transactions.write(c -> {
            stored(c); // Takes the lock, so that the runner's batches and the retry take turns.
            if (!DeadLetters.remove(c, letter.id())) {
                throw new ProjectionException("dead letter " + letter.id() + " was already retried or skipped");
            }
            JdbcContext.applying(c, generation)
                    .run(context -> projection.handler().handle(context, event));
            return null;
        });
    }

    private long stored(Connection c) throws Exception {
        OptionalLong stored = Catalog.lockCheckpoint(c, transactions.dialect(), projection.name(), generation);
        if (stored.isEmpty()) {
            throw new ProjectionException("build " + generation + " of projection '" + projection.name()
                    + "' is gone (a rebuild replaced it); this runner should have stopped");
        }
        return stored.getAsLong();
    }
}
