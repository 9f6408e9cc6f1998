package io.annal.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.store.AppendResult;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.RecordedEvent;
import io.annal.store.StorageException;
import io.annal.store.StreamName;
import io.annal.store.WrongExpectedVersionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Appends that share a group commit keep their own outcomes. */
class GroupCommitTest {

    private static final int CALLERS = 48;

    private PostgresStoreConfig config;
    private PostgresEventStore store;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void open() {
        config = TestPostgres.freshConfig();
        store = PostgresEventStore.open(config);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        store.close();
    }

    @Test
    void concurrent_appends_to_one_stream_each_get_their_own_versions_and_failures() throws Exception {
        StreamName stream = StreamName.of("hot");
        store.append(stream, ExpectedVersion.noStream(), List.of(EventData.json("Opened", "{}")));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            // Half append whatever the version, half all expect version 0: exactly one of those may win.
            ExpectedVersion expected = i % 2 == 0 ? ExpectedVersion.any() : ExpectedVersion.exact(0);
            calls.add(threads.submit(() -> {
                go.await();
                try {
                    return store.append(stream, expected, List.of(EventData.json("Touched", "{}")));
                } catch (WrongExpectedVersionException e) {
                    return e;
                }
            }));
        }
        go.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> call : calls) {
            outcomes.add(call.get());
        }

        long appended = outcomes.stream().filter(AppendResult.class::isInstance).count();
        long rejected = outcomes.stream()
                .filter(WrongExpectedVersionException.class::isInstance)
                .count();
        assertThat(appended + rejected).isEqualTo(CALLERS);
        assertThat(rejected).isBetween((long) CALLERS / 2 - 1, (long) CALLERS / 2);
        List<Long> versions = outcomes.stream()
                .filter(AppendResult.class::isInstance)
                .map(o -> ((AppendResult) o).firstVersion())
                .sorted()
                .toList();
        List<Long> expectedVersions = new ArrayList<>();
        for (long v = 1; v <= appended; v++) {
            expectedVersions.add(v);
        }
        assertThat(versions).isEqualTo(expectedVersions);
        List<RecordedEvent> events =
                store.readStream(stream, 0, Direction.FORWARD, 4096).events();
        assertThat(events).hasSize((int) appended + 1);
    }

    /** Retries racing each other, batched together or in parallel transactions: one write, the rest duplicates. */
    @Test
    void concurrent_retries_of_one_append_store_it_once_and_the_others_are_told_duplicate() throws Exception {
        StreamName stream = StreamName.of("retried");
        EventData event = EventData.json("Paid", "{}");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AppendResult>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(threads.submit(() -> {
                go.await();
                return store.append(stream, ExpectedVersion.any(), List.of(event));
            }));
        }
        go.countDown();
        List<AppendResult> results = new ArrayList<>();
        for (Future<AppendResult> call : calls) {
            results.add(call.get());
        }

        assertThat(results.stream().filter(r -> !r.duplicate())).hasSize(1);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.firstVersion()).isZero();
            assertThat(r.firstPosition()).isEqualTo(results.getFirst().firstPosition());
        });
        assertThat(store.readStream(stream, 0, Direction.FORWARD, 10).events()).hasSize(1);
    }

    @Test
    void an_append_the_database_rejects_fails_alone_and_its_batch_neighbours_commit() throws Exception {
        StreamName poisoned = StreamName.of("poisoned");
        refuseEventsOf(poisoned);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AppendResult>> healthy = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            StreamName stream = StreamName.of("healthy-" + i);
            healthy.add(threads.submit(() -> {
                go.await();
                return store.append(stream, ExpectedVersion.noStream(), List.of(EventData.json("Ok", "{}")));
            }));
        }
        Future<Throwable> bad = threads.submit(() -> {
            go.await();
            try {
                store.append(poisoned, ExpectedVersion.any(), List.of(EventData.json("Clash", "{}")));
                return null;
            } catch (StorageException e) {
                return e;
            }
        });
        go.countDown();

        assertThat(bad.get()).isInstanceOf(StorageException.class).hasMessageContaining("not acknowledged");
        for (Future<AppendResult> call : healthy) {
            assertThat(call.get().firstVersion()).isZero();
        }
        assertThat(store.append(StreamName.of("after"), ExpectedVersion.any(), List.of(EventData.json("Ok", "{}"))))
                .isNotNull();
    }

    /** A trigger added behind the store's back refuses every event of the stream. */
    private void refuseEventsOf(StreamName stream) throws SQLException {
        String schema = "\"" + config.schema() + "\"";
        try (Connection c = TestPostgres.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE FUNCTION " + schema + ".refuse() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$BEGIN RAISE EXCEPTION 'refused by a trigger'; END$$");
            st.execute("CREATE TRIGGER refuse BEFORE INSERT ON " + schema + ".events FOR EACH ROW"
                    + " WHEN (NEW.stream = '" + stream.value() + "') EXECUTE FUNCTION " + schema + ".refuse()");
        }
    }
}
