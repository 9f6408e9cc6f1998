package io.annal.projection.search;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionSink;
import io.annal.projection.ProjectionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.GetResponse;

/**
 * Search read models in an OpenSearch cluster: one index per build ({@code annal-orders-g2}), an
 * alias named after the projection ({@code annal-orders}) that queries search, and Annal's
 * checkpoints and dead letters in indexes of their own.
 *
 * <p>Exactly-once effect without transactions: handlers write whole documents versioned by their
 * event's position, and the checkpoint moves only after the batch's writes are acknowledged, so a
 * batch sent again changes nothing (see {@link OpenSearchContext}).
 *
 * <p>Rebuilds: a new build fills its own index; {@link #serve} moves the alias to it in one atomic
 * alias update. The build served before stays until the next switch, so a query that resolved the
 * alias a moment earlier still reads a whole index.
 */
public final class OpenSearchReadModels implements ProjectionStore<OpenSearchContext> {

    private static final int MAX_DEAD_LETTERS = 10_000;

    private final OpenSearchClient client;
    private final InstantSource clock;
    private final Runnable beforeCheckpoint;

    private OpenSearchReadModels(OpenSearchClient client, InstantSource clock, Runnable beforeCheckpoint) {
        this.client = client;
        this.clock = clock;
        this.beforeCheckpoint = beforeCheckpoint;
    }

    /** Read models through {@code client}; creates Annal's checkpoint and dead-letter indexes if missing. */
    public static OpenSearchReadModels using(OpenSearchClient client) {
        return using(client, () -> {});
    }

    /** With a hook run between a batch's writes and its checkpoint, where tests make the process die. */
    static OpenSearchReadModels using(OpenSearchClient client, Runnable beforeCheckpoint) {
        OpenSearchReadModels models = new OpenSearchReadModels(
                Objects.requireNonNull(client, "client"), InstantSource.system(), beforeCheckpoint);
        models.io(() -> {
            if (!client.indices()
                    .exists(e -> e.index(OpenSearchDocs.DEAD_LETTERS))
                    .value()) {
                client.indices()
                        .create(c -> c.index(OpenSearchDocs.DEAD_LETTERS)
                                .mappings(m -> m.properties("projection", p -> p.keyword(k -> k))
                                        .properties("generation", p -> p.long_(l -> l))
                                        .properties("parkedAt", p -> p.long_(l -> l))));
            }
            if (!client.indices().exists(e -> e.index(OpenSearchDocs.META)).value()) {
                client.indices().create(c -> c.index(OpenSearchDocs.META));
            }
            return null;
        });
        return models;
    }

    /** The name to search for {@code projection}: an alias of the build that serves now. */
    public String alias(String projection) {
        if (served(projection).isEmpty()) {
            throw new ProjectionException("projection '" + projection + "' has not been built yet");
        }
        return OpenSearchDocs.alias(projection);
    }

    @Override
    public Optional<ServedGeneration> served(String projection) {
        return io(() -> {
            String alias = OpenSearchDocs.alias(projection);
            if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
                return Optional.empty();
            }
            String index = client.indices()
                    .getAlias(g -> g.name(alias))
                    .result()
                    .keySet()
                    .iterator()
                    .next();
            long generation = OpenSearchDocs.generationOf(projection, index);
            GetResponse<OpenSearchDocs.Meta> code = client.get(
                    g -> g.index(OpenSearchDocs.META).id(OpenSearchDocs.codeVersionId(projection, generation)),
                    OpenSearchDocs.Meta.class);
            int version =
                    code.found() && code.source() != null ? (int) code.source().value() : 0;
            return Optional.of(new ServedGeneration(generation, version));
        });
    }

    @Override
    public ProjectionSink open(Projection<OpenSearchContext> projection, long generation) throws Exception {
        String index = OpenSearchDocs.index(projection.name(), generation);
        boolean started = client.exists(e -> e.index(OpenSearchDocs.META)
                                .id(OpenSearchDocs.checkpointId(projection.name(), generation)))
                        .value()
                && client.indices().exists(e -> e.index(index)).value();
        return started ? sink(projection, generation) : create(projection, generation);
    }

    @Override
    public ProjectionSink create(Projection<OpenSearchContext> projection, long generation) throws Exception {
        discard(projection.name(), generation);
        String index = OpenSearchDocs.index(projection.name(), generation);
        client.indices().create(c -> c.index(index));
        projection.handler().prepare(new OpenSearchContext(client, index));
        client.index(i -> i.index(OpenSearchDocs.META)
                .id(OpenSearchDocs.checkpointId(projection.name(), generation))
                .document(new OpenSearchDocs.Meta(-1)));
        return sink(projection, generation);
    }

    @Override
    public synchronized void serve(String projection, long generation, int codeVersion) throws Exception {
        client.index(i -> i.index(OpenSearchDocs.META)
                .id(OpenSearchDocs.codeVersionId(projection, generation))
                .document(new OpenSearchDocs.Meta(codeVersion)));
        Optional<ServedGeneration> old = served(projection);
        String alias = OpenSearchDocs.alias(projection);
        String index = OpenSearchDocs.index(projection, generation);
        client.indices().updateAliases(u -> {
            old.filter(o -> o.generation() != generation)
                    .ifPresent(o ->
                            u.actions(a -> a.remove(r -> r.index(OpenSearchDocs.index(projection, o.generation()))
                                    .alias(alias))));
            return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
        });
        if (old.isPresent() && old.get().generation() != generation) {
            // Builds older than the one just retired have had a whole rebuild's time to drain.
            for (String other :
                    client.indices().get(g -> g.index(alias + "-g*")).result().keySet()) {
                long g = OpenSearchDocs.generationOf(projection, other);
                if (g != generation && g != old.get().generation()) {
                    discard(projection, g);
                }
            }
            deleteDeadLetters(projection, old.get().generation());
        }
    }

    @Override
    public List<DeadLetter> deadLetters(String projection) throws IOException {
        return client
                .search(
                        s -> s.index(OpenSearchDocs.DEAD_LETTERS)
                                .size(MAX_DEAD_LETTERS)
                                .query(q -> q.term(t -> t.field("projection").value(FieldValue.of(projection))))
                                .sort(o -> o.field(f -> f.field("parkedAt").order(SortOrder.Asc))),
                        OpenSearchDocs.Letter.class)
                .hits()
                .hits()
                .stream()
                .map(h -> Objects.requireNonNull(h.source()).toDeadLetter())
                .toList();
    }

    @Override
    public Optional<DeadLetter> deadLetter(String id) throws IOException {
        GetResponse<OpenSearchDocs.Letter> found =
                client.get(g -> g.index(OpenSearchDocs.DEAD_LETTERS).id(id), OpenSearchDocs.Letter.class);
        return found.found()
                ? Optional.ofNullable(found.source()).map(OpenSearchDocs.Letter::toDeadLetter)
                : Optional.empty();
    }

    @Override
    public void skip(String id) throws IOException {
        if (client.exists(e -> e.index(OpenSearchDocs.DEAD_LETTERS).id(id)).value()) {
            client.delete(d -> d.index(OpenSearchDocs.DEAD_LETTERS).id(id).refresh(Refresh.True));
        }
    }

    private ProjectionSink sink(Projection<OpenSearchContext> projection, long generation) {
        return new OpenSearchSink(client, projection, generation, clock, beforeCheckpoint);
    }

    /** Deletes a build's index, checkpoint and dead letters. */
    private void discard(String projection, long generation) throws IOException {
        String index = OpenSearchDocs.index(projection, generation);
        if (client.indices().exists(e -> e.index(index)).value()) {
            client.indices().delete(d -> d.index(index));
        }
        for (String id : List.of(
                OpenSearchDocs.checkpointId(projection, generation),
                OpenSearchDocs.codeVersionId(projection, generation))) {
            if (client.exists(e -> e.index(OpenSearchDocs.META).id(id)).value()) {
                client.delete(d -> d.index(OpenSearchDocs.META).id(id));
            }
        }
        deleteDeadLetters(projection, generation);
    }

    private void deleteDeadLetters(String projection, long generation) throws IOException {
        client.deleteByQuery(d -> d.index(OpenSearchDocs.DEAD_LETTERS)
                .refresh(Refresh.True)
                .query(q -> q.bool(b -> b.filter(
                                f -> f.term(t -> t.field("projection").value(FieldValue.of(projection))))
                        .filter(f -> f.term(t -> t.field("generation").value(FieldValue.of(generation)))))));
    }

    @FunctionalInterface
    private interface Io<T> {
        T run() throws IOException;
    }

    private <T> T io(Io<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch did not answer: " + e.getMessage(), e);
        }
    }
}
