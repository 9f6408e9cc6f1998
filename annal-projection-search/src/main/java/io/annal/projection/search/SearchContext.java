package io.annal.projection.search;

import org.apache.lucene.index.IndexWriter;

/**
 * What a search handler gets: the build's {@link IndexWriter}. Changes become visible, together
 * with the checkpoint, when the batch commits; a failed batch is rolled back. Key documents by a
 * term ({@code updateDocument}) so that a document is replaced, not duplicated. Field names
 * starting with {@code annal.} are Annal's.
 */
public final class SearchContext {

    private final IndexWriter writer;

    SearchContext(IndexWriter writer) {
        this.writer = writer;
    }

    public IndexWriter writer() {
        return writer;
    }
}
