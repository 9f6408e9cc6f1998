package io.annal.store.embedded;

import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A change for the appender thread, with the future its caller waits on. */
sealed interface WriteRequest {

    CompletableFuture<Object> done();

    record Append(List<StreamAppend> parts, CompletableFuture<Object> done) implements WriteRequest {}

    record SetMetadata(StreamName stream, StreamMetadata metadata, CompletableFuture<Object> done)
            implements WriteRequest {}

    record Delete(StreamName stream, ExpectedVersion expected, CompletableFuture<Object> done)
            implements WriteRequest {}

    record Tombstone(StreamName stream, ExpectedVersion expected, CompletableFuture<Object> done)
            implements WriteRequest {}

    /** Asks the appender to finish what was queued before it and stop. */
    record Stop(CompletableFuture<Object> done) implements WriteRequest {}
}
