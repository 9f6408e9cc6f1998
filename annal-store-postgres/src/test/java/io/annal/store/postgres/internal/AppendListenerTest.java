package io.annal.store.postgres.internal;

import static org.awaitility.Awaitility.await;

import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamAppend;
import io.annal.store.StreamName;
import io.annal.store.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AppendListenerTest {

    @Test
    void a_notification_from_another_session_wakes_the_store() throws Exception {
        SchemaName schema = new SchemaName(TestPostgres.freshSchema());
        AtomicInteger wakeUps = new AtomicInteger();
        try (Database db = TestDatabases.open(schema, 2, Duration.ofSeconds(5));
                AppendListener listener = new AppendListener(db, wakeUps::incrementAndGet)) {
            // It wakes once when it starts listening, in case it missed something while connecting.
            await().atMost(Duration.ofSeconds(30)).until(() -> wakeUps.get() >= 1);
            int listening = wakeUps.get();

            try (Connection other = DriverManager.getConnection(TestPostgres.url());
                    PreparedStatement ps = other.prepareStatement("SELECT pg_notify(?, '')")) {
                ps.setString(1, schema.channel());
                ps.execute();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> wakeUps.get() > listening);
        }
    }

    /** Append transactions do not notify; the writer's notifier does, after the commit. */
    @Test
    void a_commit_by_the_writer_of_another_store_wakes_the_listener() throws Exception {
        SchemaName schema = new SchemaName(TestPostgres.freshSchema());
        AtomicInteger wakeUps = new AtomicInteger();
        try (Database db = TestDatabases.open(schema, 4, Duration.ofSeconds(5));
                AppendListener listener = new AppendListener(db, wakeUps::incrementAndGet);
                GroupCommitWriter writer =
                        new GroupCommitWriter(db, InstantSource.system(), 2, () -> {}, Optional.empty())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> wakeUps.get() >= 1);
            int listening = wakeUps.get();

            writer.append(List.of(StreamAppend.of(
                    StreamName.of("s"), ExpectedVersion.noStream(), List.of(EventData.json("E", "{}")))));

            await().atMost(Duration.ofSeconds(30)).until(() -> wakeUps.get() > listening);
        }
    }
}
