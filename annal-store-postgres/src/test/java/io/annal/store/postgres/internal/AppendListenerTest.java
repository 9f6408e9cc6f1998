package io.annal.store.postgres.internal;

import static org.awaitility.Awaitility.await;

import io.annal.store.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class AppendListenerTest {

    @Test
    void a_notification_from_another_session_wakes_the_store() throws Exception {
        SchemaName schema = new SchemaName(TestPostgres.freshSchema());
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(TestPostgres.url());
        AtomicInteger wakeUps = new AtomicInteger();
        try (Database db = Database.open(schema, source, source::getConnection, 2, Duration.ofSeconds(5));
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
}
