package io.annal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A read model served at {@code GET /queries/{name}/{key}} and {@code GET /queries/{name}?…}. */
public interface ReadModel {

    /** The document for {@code key}, empty when there is none. */
    Optional<JsonNode> find(String key);

    /** The document for {@code key} as of {@code at}, folded from the stream. */
    default Optional<JsonNode> findAt(String key, PointInTime at) {
        throw new UnsupportedOperationException("this read model answers only about now");
    }

    /** Answers a search over the whole model; empty when the model has no search. */
    default Optional<JsonNode> search(Map<String, List<String>> parameters) {
        return Optional.empty();
    }

    /**
     * The prefix of the streams this model is made of: the document for a key comes from stream
     * {@code prefix + key} alone. With stream rules on, a key needs read access to that stream and
     * a search to every stream with the prefix; a model that does not say is for admins only.
     */
    default Optional<String> streamPrefix() {
        return Optional.empty();
    }

    /** The last global position the model reflects; -1 before it has seen any. */
    long position();

    /** Waits until the model reflects {@code position}; false when {@code timeout} passed first. */
    boolean awaitPosition(long position, Duration timeout) throws InterruptedException;
}
