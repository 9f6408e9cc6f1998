package io.annal.projection.search;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionSink;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * One build of one OpenSearch projection. A step sends the handlers' writes as one bulk request
 * (each versioned by its event's position, see {@link OpenSearchContext}), and only once every
 * write is acknowledged, or refused as not newer, moves the checkpoint. A crash in between sends
 * the batch again, which OpenSearch then refuses write by write.
 */
final class OpenSearchSink implements ProjectionSink {

    private final OpenSearchClient client;
    private final Projection<OpenSearchContext> projection;
    private final long generation;
    private final InstantSource clock;
    private final Runnable beforeCheckpoint;
    private final String index;

    OpenSearchSink(
            OpenSearchClient client,
            Projection<OpenSearchContext> projection,
            long generation,
            InstantSource clock,
            Runnable beforeCheckpoint) {
        this.client = client;
        this.projection = projection;
        this.generation = generation;
        this.clock = clock;
        this.beforeCheckpoint = beforeCheckpoint;
        this.index = OpenSearchDocs.index(projection.name(), generation);
    }

    @Override
    public Optional<Position> checkpoint() throws IOException {
        long stored = stored();
        return stored < 0 ? Optional.empty() : Optional.of(Position.of(stored));
    }

    @Override
    public void apply(List<RecordedEvent> events, Position upTo) throws Exception {
        long stored = stored();
        OpenSearchContext context = new OpenSearchContext(client, index);
        for (RecordedEvent event : events) {
            if (event.position().value() > stored) {
                context.at(event.position().value());
                projection.handler().handle(context, event);
            }
        }
        send(context);
        if (upTo.value() > stored) {
            beforeCheckpoint.run();
            save(upTo.value());
        }
    }

    @Override
    public void park(RecordedEvent event, String error, int attempts) throws IOException {
        if (event.position().value() <= stored()) {
            return;
        }
        OpenSearchDocs.Letter letter =
                OpenSearchDocs.Letter.of(projection.name(), generation, event, error, attempts, clock.instant());
        client.index(i -> i.index(OpenSearchDocs.DEAD_LETTERS)
                .id(letter.id())
                .document(letter)
                .refresh(Refresh.True));
        save(event.position().value());
    }

    @Override
    public void retry(DeadLetter letter, RecordedEvent event) throws Exception {
        boolean parked = client.exists(e -> e.index(OpenSearchDocs.DEAD_LETTERS).id(letter.id()))
                .value();
        if (!parked) {
            throw new ProjectionException("dead letter " + letter.id() + " was already retried or skipped");
        }
        OpenSearchContext context = new OpenSearchContext(client, index);
        context.at(event.position().value());
        projection.handler().handle(context, event);
        send(context);
        client.delete(d -> d.index(OpenSearchDocs.DEAD_LETTERS).id(letter.id()).refresh(Refresh.True));
    }

    private void send(OpenSearchContext context) throws IOException {
        if (context.operations().isEmpty()) {
            return;
        }
        BulkResponse response =
                client.bulk(b -> b.operations(context.operations()).refresh(Refresh.True));
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            // 409: the document already holds this event's write or a newer one; that is the point.
            if (item.error() != null && item.status() != 409) {
                throw new ProjectionException("OpenSearch refused a write of '" + projection.name() + "' to "
                        + item.index() + "/" + item.id() + ": " + item.error().reason());
            }
        }
    }

    private long stored() throws IOException {
        GetResponse<OpenSearchDocs.Meta> found = client.get(
                g -> g.index(OpenSearchDocs.META).id(OpenSearchDocs.checkpointId(projection.name(), generation)),
                OpenSearchDocs.Meta.class);
        if (!found.found() || found.source() == null) {
            throw new ProjectionException("build " + generation + " of projection '" + projection.name()
                    + "' is gone (a rebuild replaced it); this runner should have stopped");
        }
        return found.source().value();
    }

    private void save(long checkpoint) throws IOException {
        client.index(i -> i.index(OpenSearchDocs.META)
                .id(OpenSearchDocs.checkpointId(projection.name(), generation))
                .document(new OpenSearchDocs.Meta(checkpoint)));
    }
}
