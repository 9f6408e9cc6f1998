package io.annal.projection.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * What an OpenSearch handler gets: this build's index and writes of whole documents by id. Each
 * write carries the position of the event being handled as the document's external version, so
 * OpenSearch refuses a write that is not newer than what the document holds: a batch sent again
 * after a crash, or an event retried after later ones, changes nothing. Writes are sent as one bulk
 * request after the batch's handlers ran, before the checkpoint moves. Partial updates are not
 * offered: they cannot carry an external version.
 */
public final class OpenSearchContext {

    private final OpenSearchClient client;
    private final String index;
    private final List<BulkOperation> operations = new ArrayList<>();
    private long version = -1;

    OpenSearchContext(OpenSearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    /** The client, for {@code prepare} to set the build's mappings; handlers write with put/delete. */
    public OpenSearchClient client() {
        return client;
    }

    /** This build's index; queries read the alias named after the projection instead. */
    public String index() {
        return index;
    }

    /** Replaces (or creates) document {@code id} with {@code document}, as of the current event. */
    public void put(String id, Object document) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        long v = current();
        operations.add(BulkOperation.of(b -> b.index(i -> i.index(index)
                .id(id)
                .document(document)
                .versionType(VersionType.External)
                .version(v))));
    }

    /** Deletes document {@code id}, as of the current event. */
    public void delete(String id) {
        Objects.requireNonNull(id, "id");
        long v = current();
        operations.add(BulkOperation.of(b -> b.delete(
                d -> d.index(index).id(id).versionType(VersionType.External).version(v))));
    }

    /** The event whose writes follow; external versions must be positive, positions start at 0. */
    void at(long position) {
        this.version = position + 1;
    }

    List<BulkOperation> operations() {
        return operations;
    }

    private long current() {
        if (version < 0) {
            throw new IllegalStateException("put and delete belong in handle, where an event gives the version");
        }
        return version;
    }
}
