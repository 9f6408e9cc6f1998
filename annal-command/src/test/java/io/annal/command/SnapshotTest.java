package io.annal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.annal.command.Bank.Account;
import io.annal.command.Bank.Deposit;
import io.annal.command.Bank.Open;
import io.annal.store.Direction;
import io.annal.store.EventData;
import io.annal.store.EventStore;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private static final StreamName A1 = Bank.stream("a1");
    private static final Account AFTER_TWELVE = new Account(true, false, 11);

    private final EventStore store = Runtime.store();
    private final Bank.Mapper mapper = new Bank.Mapper();

    /** Opens a1 and deposits 1 eleven times: 12 events, snapshots at versions 4 and 9. */
    private void writeTwelveEvents() {
        var writer = handler(1, 5);
        writer.handle(new Open("a1", "ada"));
        for (int i = 0; i < 11; i++) {
            writer.handle(new Deposit("a1", 1));
        }
    }

    private CommandHandler<Bank.Command, Bank.Event, Account> handler(int schemaVersion, int every) {
        return Runtime.bank(store, mapper)
                .cacheSize(0)
                .snapshots(new Bank.Serializer(), schemaVersion)
                .snapshotPolicy(SnapshotPolicy.everyEvents(every))
                .build();
    }

    private Optional<Snapshot> latest() {
        return SnapshotStore.inEventStore(store).load(A1);
    }

    @Test
    void a_snapshot_is_taken_every_n_events_and_only_the_latest_is_kept() {
        writeTwelveEvents();

        assertThat(latest()).get().satisfies(s -> {
            assertThat(s.streamVersion()).isEqualTo(9);
            assertThat(s.schemaVersion()).isEqualTo(1);
            assertThat(new Bank.Serializer().deserialize(s.state())).isEqualTo(new Account(true, false, 9));
        });
        var snapshots = store.readStream(SystemStreams.snapshot(A1), 0, Direction.FORWARD, 100);
        assertThat(snapshots.events()).hasSize(1);
    }

    @Test
    void a_load_starts_from_the_snapshot_and_replays_only_the_tail() {
        writeTwelveEvents();
        mapper.decoded.set(0);

        assertThat(handler(1, 5).load(A1).state()).isEqualTo(AFTER_TWELVE);
        assertThat(mapper.decoded.get()).isEqualTo(2);
    }

    @Test
    void a_missing_snapshot_means_a_full_replay() {
        var writer = Runtime.bank(store, mapper).cacheSize(0).build(); // no snapshots
        writer.handle(new Open("a1", "ada"));
        writer.handle(new Deposit("a1", 11));
        mapper.decoded.set(0);

        assertThat(handler(1, 100).load(A1).state()).isEqualTo(AFTER_TWELVE);
        assertThat(mapper.decoded.get()).isEqualTo(2);
        assertThat(latest()).isEmpty();
    }

    @Test
    void a_snapshot_of_another_schema_version_is_ignored_and_replaced_when_due() {
        writeTwelveEvents();
        mapper.decoded.set(0);

        assertThat(handler(2, 5).load(A1).state()).isEqualTo(AFTER_TWELVE);
        assertThat(mapper.decoded.get()).isEqualTo(12);
        assertThat(latest()).get().satisfies(s -> {
            assertThat(s.schemaVersion()).isEqualTo(2);
            assertThat(s.streamVersion()).isEqualTo(11);
        });
    }

    @Test
    void a_snapshot_whose_state_cannot_be_read_is_ignored() {
        writeTwelveEvents();
        Snapshot good = latest().orElseThrow();
        SnapshotStore.inEventStore(store)
                .save(A1, Snapshot.of(11, good.eventId(), 1, "garbage".getBytes(StandardCharsets.UTF_8)));

        assertThat(handler(1, 1000).load(A1).state()).isEqualTo(AFTER_TWELVE);
    }

    @Test
    void a_snapshot_with_unreadable_metadata_is_ignored() {
        writeTwelveEvents();
        store.append(
                SystemStreams.snapshot(A1),
                ExpectedVersion.any(),
                List.of(EventData.of(
                        UUID.randomUUID(), "snapshot", new byte[] {1}, "{not json".getBytes(StandardCharsets.UTF_8))));

        assertThat(latest()).isEmpty();
        assertThat(handler(1, 1000).load(A1).state()).isEqualTo(AFTER_TWELVE);
    }

    @Test
    void a_snapshot_that_claims_a_wrong_state_for_its_event_is_ignored() {
        writeTwelveEvents();
        var serializer = new Bank.Serializer();
        // Says version 9 but names an event the stream does not hold there.
        SnapshotStore.inEventStore(store)
                .save(A1, Snapshot.of(9, UUID.randomUUID(), 1, serializer.serialize(new Account(true, false, 999))));
        assertThat(handler(1, 1000).load(A1).state()).isEqualTo(AFTER_TWELVE);

        // Says a version beyond the end of the stream.
        SnapshotStore.inEventStore(store)
                .save(A1, Snapshot.of(50, UUID.randomUUID(), 1, serializer.serialize(new Account(true, false, 999))));
        assertThat(handler(1, 1000).load(A1).state()).isEqualTo(AFTER_TWELVE);
    }

    @Test
    void a_snapshot_from_before_a_soft_delete_is_ignored() {
        writeTwelveEvents();
        store.delete(A1, ExpectedVersion.any());
        var handler = handler(1, 1000);
        handler.handle(new Open("a1", "bob"));
        handler.handle(new Deposit("a1", 3));

        assertThat(handler.load(A1).state()).isEqualTo(new Account(true, false, 3));
    }

    @Test
    void a_failing_snapshot_store_never_fails_a_command() {
        SnapshotStore broken = new SnapshotStore() {
            @Override
            public Optional<Snapshot> load(StreamName stream) {
                throw new IllegalStateException("down");
            }

            @Override
            public void save(StreamName stream, Snapshot snapshot) {
                throw new IllegalStateException("down");
            }
        };
        var handler = Runtime.bank(store, mapper)
                .snapshots(new Bank.Serializer(), 1)
                .snapshotPolicy(SnapshotPolicy.everyEvents(1))
                .snapshotStore(broken)
                .build();

        handler.handle(new Open("a1", "ada"));
        handler.handle(new Deposit("a1", 4));

        assertThat(handler.load(A1).state()).isEqualTo(new Account(true, false, 4));
    }

    @Test
    void the_snapshot_store_keeps_its_stream_to_one_event() {
        writeTwelveEvents();

        assertThat(store.metadata(SystemStreams.snapshot(A1)).maxCount()).hasValue(1);
        assertThat(StreamSnapshotStore.decode(store.readStream(SystemStreams.snapshot(A1), 0, Direction.FORWARD, 1)
                        .events()
                        .getFirst()))
                .isPresent();
        assertThat(FlatJson.read(store.readStream(SystemStreams.snapshot(A1), 0, Direction.FORWARD, 1)
                        .events()
                        .getFirst()
                        .metadata()))
                .containsKeys("streamVersion", "eventId", "schemaVersion")
                .isInstanceOf(Map.class);
    }
}
