package io.annal.projection.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.ProjectionManager;
import io.annal.projection.RunnerOptions;
import io.annal.store.EventData;
import io.annal.store.EventFilter;
import io.annal.store.ExpectedVersion;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import io.annal.store.StreamName;
import io.annal.store.memory.InMemoryEventStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writes queued through {@link JdbcContext#write} in batches of many events, on both databases. */
class QueuedWritesTest {

    private static final RunnerOptions BIG_BATCHES =
            RunnerOptions.defaults().withBatchSize(64).withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2));

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void reads_see_the_writes_queued_before_them_and_writes_keep_their_order(SqlDialect dialect) throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ReadModelDatabase database = ReadModelDatabase.open(dialect, directory);
                ProjectionManager manager =
                        ProjectionManager.create(store, store, BIG_BATCHES, InstantSource.system())) {
            Position head = append(store, List.of());
            manager.start(projection(), database.models());

            assertThat(manager.awaitPosition("ledger", head, Duration.ofSeconds(20)))
                    .isTrue();
            // Each event counted the rows before it: a read that missed queued writes counts fewer.
            assertThat(column(database.models(), "SELECT seen_before FROM entries ORDER BY event_position"))
                    .containsExactlyElementsOf(LongStream.range(0, 40).boxed().toList());
            // Odd events insert a mark, then delete it: sent out of order, the marks would stay.
            assertThat(column(database.models(), "SELECT n FROM marks ORDER BY n"))
                    .containsExactlyElementsOf(LongStream.range(0, 40)
                            .filter(n -> n % 2 == 0)
                            .boxed()
                            .toList());
        }
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void a_write_that_fails_when_the_batch_is_sent_parks_only_its_event(SqlDialect dialect) throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ReadModelDatabase database = ReadModelDatabase.open(dialect, directory);
                ProjectionManager manager =
                        ProjectionManager.create(store, store, BIG_BATCHES, InstantSource.system())) {
            Position head = append(store, List.of(7L));
            manager.start(projection(), database.models());

            assertThat(manager.awaitPosition("ledger", head, Duration.ofSeconds(20)))
                    .isTrue();
            assertThat(column(database.models(), "SELECT n FROM entries ORDER BY event_position"))
                    .containsExactlyElementsOf(LongStream.range(0, 40).boxed().toList());
            List<DeadLetter> letters = manager.deadLetters();
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.stream()).isEqualTo(StreamName.of("again-7"));
                assertThat(letter.error()).containsIgnoringCase("unique").doesNotContain("getNextException");
            });
        }
    }

    /** Appends events numbered 0 to 39, and after event 20 a second copy of each number in {@code repeats}. */
    private static Position append(InMemoryEventStore store, List<Long> repeats) {
        for (long n = 0; n < 40; n++) {
            store.append(StreamName.of("s-" + n), ExpectedVersion.any(), List.of(EventData.json("N", "" + n)));
            if (n == 20) {
                for (long again : repeats) {
                    store.append(
                            StreamName.of("again-" + again),
                            ExpectedVersion.any(),
                            List.of(EventData.json("N", "" + again)));
                }
            }
        }
        return store.headPosition().orElseThrow();
    }

    private static Projection<JdbcContext> projection() {
        return Projection.of("ledger", 1, EventFilter.all(), new Ledger());
    }

    private static List<Long> column(JdbcReadModels models, String sql) {
        return models.query(c -> {
            List<Long> values = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    values.add(r.getLong(1));
                }
            }
            return values;
        });
    }

    private static final class Ledger implements ProjectionHandler<JdbcContext> {
        @Override
        public void prepare(JdbcContext c) throws Exception {
            try (Statement s = c.connection().createStatement()) {
                s.execute("CREATE TABLE " + c.table("entries")
                        + " (n BIGINT PRIMARY KEY, event_position BIGINT NOT NULL, seen_before BIGINT NOT NULL)");
                s.execute("CREATE TABLE " + c.table("marks") + " (n BIGINT PRIMARY KEY)");
            }
        }

        @Override
        public void handle(JdbcContext c, RecordedEvent e) throws Exception {
            long n = Long.parseLong(e.dataAsString());
            long before;
            try (Statement s = c.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM " + c.table("entries"))) {
                r.next();
                before = r.getLong(1);
            }
            // The entries row goes last, so it is still queued when the next event reads.
            c.write("INSERT INTO " + c.table("marks") + " (n) VALUES (?)", n);
            if (n % 2 == 1) {
                c.write("DELETE FROM " + c.table("marks") + " WHERE n = ?", n);
            }
            c.write(
                    "INSERT INTO " + c.table("entries") + " (n, event_position, seen_before) VALUES (?, ?, ?)",
                    n,
                    e.position().value(),
                    before);
        }
    }
}
