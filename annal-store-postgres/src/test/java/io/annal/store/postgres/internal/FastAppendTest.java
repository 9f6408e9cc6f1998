package io.annal.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.AppendResult;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.postgres.TestPostgres;
import io.annal.store.postgres.internal.AppendTransaction.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one-round-trip append: writes a plain batch whole, and declines a batch it cannot check with nothing written. */
class FastAppendTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void writes_a_batch_of_new_and_continued_streams_and_declines_a_wrong_version_without_writing() throws Exception {
        SchemaName schema = new SchemaName(TestPostgres.freshSchema());
        FastAppend fast = new FastAppend();
        try (Database db = TestDatabases.open(schema, 2, Duration.ofSeconds(30));
                Connection c = db.connection()) {
            StreamName a = StreamName.of("a");
            StreamName b = StreamName.of("b");
            List<PendingAppend> first = List.of(
                    pending(a, ExpectedVersion.noStream(), 2),
                    pending(b, ExpectedVersion.any(), 1),
                    pending(a, ExpectedVersion.exact(1), 1));
            assertThat(FastAppend.accepts(first)).isTrue();

            List<Outcome> outcomes = fast.append(c, first, NOW).orElseThrow();

            assertThat(outcomes)
                    .extracting(o -> o.results().getFirst().firstVersion())
                    .containsExactly(0L, 0L, 2L);
            AppendResult last = outcomes.get(2).results().getFirst();
            assertThat(last.lastVersion()).isEqualTo(2);
            assertThat(last.firstPosition().value())
                    .isGreaterThan(
                            outcomes.get(1).results().getFirst().lastPosition().value());
            assertThat(count(c, schema)).isEqualTo(4);

            Optional<List<Outcome>> continued = fast.append(
                    c, List.of(pending(a, ExpectedVersion.exact(2), 1), pending(b, ExpectedVersion.exists(), 1)), NOW);

            assertThat(continued.orElseThrow())
                    .extracting(o -> o.results().getFirst().firstVersion())
                    .containsExactly(3L, 1L);
            assertThat(count(c, schema)).isEqualTo(6);

            Optional<List<Outcome>> declined = fast.append(
                    c, List.of(pending(b, ExpectedVersion.any(), 1), pending(a, ExpectedVersion.exact(0), 1)), NOW);

            assertThat(declined).isEmpty();
            assertThat(count(c, schema)).isEqualTo(6);
        }
    }

    @Test
    void declines_an_id_already_stored_and_parts_whose_versions_disagree_with_nothing_written() throws Exception {
        SchemaName schema = new SchemaName(TestPostgres.freshSchema());
        FastAppend fast = new FastAppend();
        try (Database db = TestDatabases.open(schema, 2, Duration.ofSeconds(30));
                Connection c = db.connection()) {
            StreamName a = StreamName.of("a");
            EventData stored = EventData.json("E", "{}");
            assertThat(fast.append(
                            c,
                            List.of(new PendingAppend(
                                    List.of(StreamAppend.of(a, ExpectedVersion.noStream(), List.of(stored))))),
                            NOW))
                    .isPresent();

            Optional<List<Outcome>> again = fast.append(
                    c,
                    List.of(
                            pending(StreamName.of("b"), ExpectedVersion.noStream(), 1),
                            new PendingAppend(List.of(StreamAppend.of(a, ExpectedVersion.any(), List.of(stored))))),
                    NOW);
            // any, then exact(2) after one event: the stream must hold 1 before the batch; it holds 0.
            Optional<List<Outcome>> disagreeing = fast.append(
                    c, List.of(pending(a, ExpectedVersion.any(), 1), pending(a, ExpectedVersion.exact(2), 1)), NOW);
            Optional<List<Outcome>> agreeing = fast.append(
                    c, List.of(pending(a, ExpectedVersion.any(), 1), pending(a, ExpectedVersion.exact(1), 1)), NOW);

            assertThat(again).isEmpty();
            assertThat(disagreeing).isEmpty();
            assertThat(agreeing.orElseThrow())
                    .extracting(o -> o.results().getFirst().firstVersion())
                    .containsExactly(1L, 2L);
            assertThat(count(c, schema)).isEqualTo(3);
        }
    }

    @Test
    void does_not_take_a_batch_that_repeats_an_id_in_one_stream() {
        EventData event = EventData.json("E", "{}");
        StreamAppend part = StreamAppend.of(StreamName.of("s"), ExpectedVersion.any(), List.of(event));
        assertThat(FastAppend.accepts(List.of(new PendingAppend(List.of(part)), new PendingAppend(List.of(part)))))
                .isFalse();
    }

    private static PendingAppend pending(StreamName stream, ExpectedVersion expected, int events) {
        List<EventData> list = java.util.stream.IntStream.range(0, events)
                .mapToObj(i -> EventData.json("E", "{}"))
                .toList();
        return new PendingAppend(List.of(StreamAppend.of(stream, expected, list)));
    }

    private static long count(Connection c, SchemaName schema) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema.quoted() + ".events")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
