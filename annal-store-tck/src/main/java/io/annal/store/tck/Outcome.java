package io.annal.store.tck;

import io.annal.store.StreamName;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** What an operation did, in terms the store and the model can both be described in. */
sealed interface Outcome {

    record Appended(long firstVersion, long lastVersion, boolean duplicate) implements Outcome {}

    record Failed(String error, Optional<Long> currentVersion) implements Outcome {}

    record Done() implements Outcome {}

    record Read(List<Entry> events, long lastVersion, OptionalLong next) implements Outcome {}

    record ReadAll(List<Entry> events) implements Outcome {}

    /** An event by where it is and which it is; positions are the store's own business. */
    record Entry(StreamName stream, long version, UUID id) {
        @Override
        public String toString() {
            return stream + "@" + version + ":" + id.toString().substring(0, 8);
        }
    }

    static Failed failed(Class<? extends Exception> error) {
        return new Failed(error.getSimpleName(), Optional.empty());
    }
}
