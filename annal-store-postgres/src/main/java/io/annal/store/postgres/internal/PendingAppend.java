package io.annal.store.postgres.internal;

import io.annal.store.AppendResult;
import io.annal.store.StreamAppend;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An append waiting for the writer: its parts and the caller's future. */
record PendingAppend(List<StreamAppend> parts, CompletableFuture<List<AppendResult>> result) {

    PendingAppend(List<StreamAppend> parts) {
        this(List.copyOf(parts), new CompletableFuture<>());
    }

    int eventCount() {
        int n = 0;
        for (StreamAppend part : parts) {
            n += part.events().size();
        }
        return n;
    }
}
