package io.annal.projection.search;

import io.annal.projection.DeadLetter;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import java.time.Instant;
import java.util.UUID;

/** Annal's own documents in OpenSearch and the names of its indexes. */
final class OpenSearchDocs {

    /** Checkpoints of builds, and the code version of served builds, one small document each. */
    static final String META = "annal.checkpoints";

    static final String DEAD_LETTERS = "annal.dead-letters";

    private OpenSearchDocs() {}

    /** What queries search: an alias switched from build to build. */
    static String alias(String projection) {
        return "annal-" + projection;
    }

    static String index(String projection, long generation) {
        return alias(projection) + "-g" + generation;
    }

    static long generationOf(String projection, String index) {
        return Long.parseLong(index.substring(alias(projection).length() + 2));
    }

    static String checkpointId(String projection, long generation) {
        return projection + "-g" + generation;
    }

    static String codeVersionId(String projection, long generation) {
        return projection + "-g" + generation + "-code";
    }

    /** A checkpoint or a code version. */
    record Meta(long value) {}

    /** A parked event; its id is fixed by its build and position, so parking twice writes once. */
    record Letter(
            String id,
            String projection,
            long generation,
            long position,
            String stream,
            long version,
            String event,
            String type,
            String error,
            int attempts,
            long parkedAt) {

        static Letter of(String projection, long generation, RecordedEvent e, String error, int attempts, Instant at) {
            String id =
                    checkpointId(projection, generation) + "-" + e.position().value();
            return new Letter(
                    id,
                    projection,
                    generation,
                    e.position().value(),
                    e.stream().value(),
                    e.version(),
                    e.id().toString(),
                    e.type(),
                    error,
                    attempts,
                    at.toEpochMilli());
        }

        DeadLetter toDeadLetter() {
            return new DeadLetter(
                    id,
                    projection,
                    generation,
                    Position.of(position),
                    new StreamName(stream),
                    version,
                    UUID.fromString(event),
                    type,
                    error,
                    attempts,
                    Instant.ofEpochMilli(parkedAt));
        }
    }
}
