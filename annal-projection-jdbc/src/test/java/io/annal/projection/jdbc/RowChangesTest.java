package io.annal.projection.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row changes merged by key and sent as multi-row upserts equal the fold of the events, on both databases. */
class RowChangesTest {

    private static final RunnerOptions BIG_BATCHES =
            RunnerOptions.defaults().withBatchSize(300).withRetries(2, Duration.ofMillis(1), Duration.ofMillis(2));

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void merged_sets_adds_and_queued_deletes_equal_the_fold(SqlDialect dialect) throws Exception {
        long seed = new Random().nextLong();
        System.out.println("RowChangesTest seed " + seed);
        Random random = new Random(seed);
        Map<Long, String> fold = new TreeMap<>();
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ReadModelDatabase database = ReadModelDatabase.open(dialect, directory);
                ProjectionManager manager =
                        ProjectionManager.create(store, store, BIG_BATCHES, InstantSource.system())) {
            // More events than one statement's 256 rows, over few keys, so that rows merge and chunk.
            for (int i = 0; i < 1500; i++) {
                long key = random.nextInt(i < 700 ? 600 : 12);
                String op = List.of("set", "add", "add", "del").get(random.nextInt(4));
                long amount = random.nextInt(100) - 30;
                long position = store.append(
                                StreamName.of("c-" + key),
                                ExpectedVersion.any(),
                                List.of(EventData.json("C", "\"" + key + " " + op + " " + amount + "\"")))
                        .lastPosition()
                        .value();
                applyToFold(fold, key, op, amount, position);
            }
            Position head = store.headPosition().orElseThrow();
            manager.start(Projection.of("counters", 1, EventFilter.all(), new Counters()), database.models());

            assertThat(manager.awaitPosition("counters", head, Duration.ofSeconds(30)))
                    .isTrue();
            assertThat(manager.deadLetters()).isEmpty();
            assertThat(rows(database.models())).as("seed %d", seed).isEqualTo(fold);
        }
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    void a_change_the_database_refuses_when_the_batch_is_sent_parks_only_its_event(SqlDialect dialect)
            throws Exception {
        try (InMemoryEventStore store = InMemoryEventStore.create();
                ReadModelDatabase database = ReadModelDatabase.open(dialect, directory);
                ProjectionManager manager =
                        ProjectionManager.create(store, store, BIG_BATCHES, InstantSource.system())) {
            Map<Long, String> expected = new TreeMap<>();
            for (long key = 0; key < 40; key++) {
                append(store, "c-" + key, key + " add 1");
                expected.put(key, "1:");
                if (key == 20) {
                    append(store, "poison", "7 add 500000"); // over the table's CHECK, merged into key 7's row
                }
            }
            Position head = store.headPosition().orElseThrow();
            manager.start(Projection.of("counters", 1, EventFilter.all(), new Counters()), database.models());

            assertThat(manager.awaitPosition("counters", head, Duration.ofSeconds(30)))
                    .isTrue();
            assertThat(rows(database.models())).isEqualTo(expected);
            assertThat(manager.deadLetters())
                    .singleElement()
                    .satisfies(letter -> assertThat(letter.stream()).isEqualTo(StreamName.of("poison")));
        }
    }

    private static void append(InMemoryEventStore store, String stream, String change) {
        store.append(StreamName.of(stream), ExpectedVersion.any(), List.of(EventData.json("C", "\"" + change + "\"")));
    }

    @Test
    void a_bad_column_name_is_refused_before_anything_is_queued() throws Exception {
        try (ReadModelDatabase database = ReadModelDatabase.open(SqlDialect.SQLITE, directory)) {
            JdbcReadModels models = database.models();
            models.query(c -> {
                JdbcContext context = JdbcContext.applying(c, 1);
                assertThatThrownBy(() -> context.change("t_g1", "id", 1L).set("total; DROP", 1L))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("total; DROP");
                assertThatThrownBy(() -> context.change("t_g1", List.of("a", "b"), List.of(1L)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("key columns");
                return null;
            });
        }
    }

    private static void applyToFold(Map<Long, String> fold, long key, String op, long amount, long position) {
        switch (op) {
            case "del" -> fold.remove(key);
            case "set" -> fold.put(key, total(fold, key) + ":L" + position);
            default -> fold.put(key, (total(fold, key) + amount) + ":" + label(fold, key));
        }
    }

    private static long total(Map<Long, String> fold, long key) {
        return fold.containsKey(key) ? Long.parseLong(fold.get(key).split(":")[0]) : 0;
    }

    private static String label(Map<Long, String> fold, long key) {
        return fold.containsKey(key) ? fold.get(key).split(":", 2)[1] : "";
    }

    private static Map<Long, String> rows(JdbcReadModels models) {
        return models.query(c -> {
            Map<Long, String> rows = new TreeMap<>();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT k, total, label FROM counters")) {
                while (r.next()) {
                    rows.put(r.getLong(1), r.getLong(2) + ":" + r.getString(3));
                }
            }
            return rows;
        });
    }

    private static final class Counters implements ProjectionHandler<JdbcContext> {
        @Override
        public void prepare(JdbcContext c) throws Exception {
            try (Statement s = c.connection().createStatement()) {
                s.execute("CREATE TABLE " + c.table("counters") + " (k BIGINT PRIMARY KEY,"
                        + " total BIGINT NOT NULL DEFAULT 0 CHECK (total < 100000), label TEXT NOT NULL DEFAULT '')");
            }
        }

        @Override
        public void handle(JdbcContext c, RecordedEvent e) throws Exception {
            String[] parts = e.dataAsString().replace("\"", "").split(" ");
            long key = Long.parseLong(parts[0]);
            String table = c.table("counters");
            switch (parts[1]) {
                case "del" -> c.write("DELETE FROM " + table + " WHERE k = ?", key);
                case "set" ->
                    c.change(table, "k", key).set("label", "L" + e.position().value());
                default -> c.change(table, "k", key).add("total", Long.parseLong(parts[2]));
            }
        }
    }
}
