package io.annal.projection.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * One generation's index: its writer, the checkpoint stored in the last commit's user data, and a
 * searcher that sees only committed changes. One batch at a time: every method is synchronized.
 */
final class Build implements AutoCloseable {

    static final String CHECKPOINT = "annal.checkpoint";

    @FunctionalInterface
    interface Step {
        /** Writes a batch; returns the checkpoint to commit with it. */
        long write(IndexWriter writer, long stored) throws Exception;
    }

    private final Path path;
    private final Directory directory;
    private IndexWriter writer;
    private final SearcherManager searchers;
    private long checkpoint;
    private boolean prepared;

    private Build(Path path, IndexDirectories directories) throws IOException {
        this.path = path;
        Files.createDirectories(path);
        this.directory = directories.open(path);
        boolean exists = DirectoryReader.indexExists(directory);
        this.writer = newWriter();
        OptionalLong stored = stored(writer);
        this.prepared = stored.isPresent();
        this.checkpoint = stored.orElse(-1);
        if (!exists) {
            writer.commit(); // An empty commit, so that searchers can open before the first batch.
        }
        this.searchers = new SearcherManager(directory, null);
    }

    static Build open(Path path, IndexDirectories directories) {
        try {
            return new Build(path, directories);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the search index at " + path, e);
        }
    }

    synchronized boolean prepared() {
        return prepared;
    }

    synchronized long checkpoint() {
        return checkpoint;
    }

    /** Runs {@code step} and commits it with its checkpoint, or rolls it back entirely. */
    synchronized void commit(Step step) throws Exception {
        long next;
        try {
            next = step.write(writer, checkpoint);
            writer.setLiveCommitData(Map.of(CHECKPOINT, Long.toString(next)).entrySet());
            writer.commit();
        } catch (Exception | Error e) {
            writer.rollback(); // Discards everything since the last commit, and closes the writer.
            writer = newWriter();
            throw e;
        }
        checkpoint = next;
        prepared = true;
        searchers.maybeRefreshBlocking();
    }

    <T> T search(SearchWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    @FunctionalInterface
    interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** Closes the index and removes its files. */
    void delete() throws IOException {
        close();
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        return new IndexWriter(directory, config);
    }

    private static OptionalLong stored(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(CHECKPOINT)) {
                    return OptionalLong.of(Long.parseLong(entry.getValue()));
                }
            }
        }
        return OptionalLong.empty();
    }
}
