package io.annal.projection.search;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionException;
import io.annal.projection.ProjectionSink;
import io.annal.projection.ProjectionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Full-text read models in embedded Lucene indexes under one directory, one index per build:
 *
 * <pre>
 * {root}/{projection}/g{n}/      the index of build n; its last commit carries the checkpoint
 * {root}/{projection}/served     "generation:codeVersion" of the build queries read, replaced atomically
 * {root}/{projection}/retired    the build served before, deleted at the next switch
 * </pre>
 *
 * Exactly-once effect: a batch's documents and its checkpoint are one Lucene commit; a failed
 * batch is rolled back. Dead letters are documents of the build's index, parked in the commit
 * that moves the checkpoint past them.
 */
public final class LuceneReadModels implements ProjectionStore<SearchContext>, AutoCloseable {

    private static final int MAX_DEAD_LETTERS = 10_000;

    private final Path root;
    private final InstantSource clock;
    private final IndexDirectories directories;
    private final Map<String, Build> builds = new ConcurrentHashMap<>();

    private LuceneReadModels(Path root, InstantSource clock, IndexDirectories directories) {
        this.root = root;
        this.clock = clock;
        this.directories = directories;
    }

    public static LuceneReadModels open(Path root) {
        return open(root, IndexDirectories.fileSystem());
    }

    /** With the indexes in directories of the caller's choice (memory-mapped, wrapped, ...). */
    public static LuceneReadModels open(Path root, IndexDirectories directories) {
        return new LuceneReadModels(root, InstantSource.system(), directories);
    }

    /**
     * Searches the build that serves {@code projection} now, seeing committed batches only. Leave
     * out documents whose {@code annal.kind} is {@code dead-letter} when matching everything.
     */
    public <T> T search(String projection, SearchWork<T> query) {
        ServedGeneration served = served(projection)
                .orElseThrow(() -> new ProjectionException("projection '" + projection + "' has not been built yet"));
        try {
            return build(projection, served.generation()).search(query::run);
        } catch (IOException e) {
            throw new UncheckedIOException("the search of '" + projection + "' failed", e);
        }
    }

    /** A query over one index. */
    @FunctionalInterface
    public interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    @Override
    public Optional<ServedGeneration> served(String projection) {
        Path file = root.resolve(projection).resolve("served");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String value = Files.readString(file, StandardCharsets.UTF_8).trim();
            int colon = value.indexOf(':');
            return Optional.of(new ServedGeneration(
                    Long.parseLong(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    @Override
    public ProjectionSink open(Projection<SearchContext> projection, long generation) throws Exception {
        Build build = build(projection.name(), generation);
        return build.prepared() ? new LuceneSink(build, projection, generation, clock) : create(projection, generation);
    }

    @Override
    public ProjectionSink create(Projection<SearchContext> projection, long generation) throws Exception {
        Build old = builds.remove(key(projection.name(), generation));
        if (old != null) {
            old.delete();
        } else {
            Build.open(directory(projection.name(), generation), directories).delete();
        }
        Build build = build(projection.name(), generation);
        build.commit((writer, stored) -> {
            projection.handler().prepare(new SearchContext(writer));
            return -1;
        });
        return new LuceneSink(build, projection, generation, clock);
    }

    @Override
    public synchronized void serve(String projection, long generation, int codeVersion) throws Exception {
        Optional<ServedGeneration> old = served(projection);
        Path dir = Files.createDirectories(root.resolve(projection));
        replace(dir.resolve("served"), generation + ":" + codeVersion);
        if (old.isPresent() && old.get().generation() != generation) {
            Path retiredFile = dir.resolve("retired");
            if (Files.exists(retiredFile)) {
                long retired = Long.parseLong(Files.readString(retiredFile).trim());
                if (retired != generation) {
                    Build gone = builds.remove(key(projection, retired));
                    if (gone != null) {
                        gone.delete();
                    }
                }
            }
            replace(retiredFile, Long.toString(old.get().generation()));
            // The retired build keeps answering queries that found it a moment ago, but parks nothing more.
            build(projection, old.get().generation()).commit((writer, stored) -> {
                writer.deleteDocuments(DeadLetterDocuments.all());
                return stored;
            });
        }
    }

    @Override
    public List<DeadLetter> deadLetters(String projection) throws IOException {
        List<DeadLetter> letters = new ArrayList<>();
        for (Map.Entry<String, Build> entry : builds.entrySet()) {
            if (entry.getKey().startsWith(projection + "/")) {
                letters.addAll(entry.getValue().search(DeadLetterDocuments::readAll));
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::parkedAt));
        return letters;
    }

    @Override
    public Optional<DeadLetter> deadLetter(String id) throws IOException {
        for (Build build : builds.values()) {
            List<DeadLetter> found =
                    build.search(s -> DeadLetterDocuments.read(s, new TermQuery(DeadLetterDocuments.id(id))));
            if (!found.isEmpty()) {
                return Optional.of(found.getFirst());
            }
        }
        return Optional.empty();
    }

    @Override
    public void skip(String id) throws Exception {
        Optional<DeadLetter> letter = deadLetter(id);
        if (letter.isPresent()) {
            build(letter.get().projection(), letter.get().generation()).commit((writer, stored) -> {
                writer.deleteDocuments(DeadLetterDocuments.id(id));
                return stored;
            });
        }
    }

    @Override
    public void close() throws IOException {
        for (Build build : builds.values()) {
            build.close();
        }
        builds.clear();
    }

    private Build build(String projection, long generation) {
        return builds.computeIfAbsent(
                key(projection, generation), k -> Build.open(directory(projection, generation), directories));
    }

    private Path directory(String projection, long generation) {
        return root.resolve(projection).resolve("g" + generation);
    }

    private static String key(String projection, long generation) {
        return projection + "/" + generation;
    }

    private static void replace(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static int maxDeadLetters() {
        return MAX_DEAD_LETTERS;
    }
}
