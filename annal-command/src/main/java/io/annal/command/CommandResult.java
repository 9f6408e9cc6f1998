package io.annal.command;

import io.annal.domain.Rejection;
import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.Position;
import io.annal.store.StreamName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a command ended. {@code replayed} marks the recorded outcome of an earlier command with the
 * same id: nothing new happened.
 */
public sealed interface CommandResult {

    StreamName stream();

    /**
     * The command was accepted. {@code events} were appended ({@code append} says where); both are
     * empty when the command was valid but changed nothing. {@code version} is the stream's version
     * after the command, empty when the stream has no events.
     */
    record Accepted(
            StreamName stream,
            OptionalLong version,
            Optional<AppendResult> append,
            List<EventData> events,
            boolean replayed)
            implements CommandResult {

        public Accepted {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(append, "append");
            events = List.copyOf(events);
        }

        /** The global position of the last appended event. */
        public Optional<Position> position() {
            return append.map(AppendResult::lastPosition);
        }
    }

    /** The decider refused the command; nothing was appended. */
    record Rejected(StreamName stream, Rejection rejection, boolean replayed) implements CommandResult {

        public Rejected {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * Other writers kept changing the stream: every attempt met a newer version than it loaded.
     * Nothing was appended; sending the command again is safe.
     */
    record Conflict(StreamName stream, int attempts, Optional<Long> currentVersion) implements CommandResult {

        public Conflict {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(currentVersion, "currentVersion");
        }
    }
}
