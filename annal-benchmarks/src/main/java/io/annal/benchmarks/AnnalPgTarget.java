package io.annal.benchmarks;

import io.annal.store.EventData;
import io.annal.store.ExpectedVersion;
import io.annal.store.StreamName;
import io.annal.store.postgres.PostgresEventStore;
import io.annal.store.postgres.PostgresStoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Annal's PostgreSQL store; every append states the version it expects, as a command handler would. */
final class AnnalPgTarget implements PgTarget {

    private final PostgresEventStore store;
    private final String url;
    private final String schema;

    /** {@code committers} 0 keeps the store's default. */
    AnnalPgTarget(String url, String schema, int committers) {
        this.url = url;
        this.schema = schema;
        PostgresStoreConfig config = PostgresStoreConfig.forUrl(url, null, null).withSchema(schema);
        this.store = PostgresEventStore.open(committers > 0 ? config.withCommitters(committers) : config);
    }

    @Override
    public String name() {
        return "annal";
    }

    @Override
    public Writer writer() {
        StreamName stream = StreamName.of("bench-" + UUID.randomUUID());
        return new Writer() {
            private long last = -1;

            @Override
            public void append(int count, byte[] payload) {
                List<EventData> events = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    events.add(EventData.of(UUID.randomUUID(), "BenchmarkEvent", payload, null));
                }
                ExpectedVersion expected = last < 0 ? ExpectedVersion.noStream() : ExpectedVersion.exact(last);
                last = store.append(stream, expected, events).lastVersion();
            }
        };
    }

    /** Events and transactions written so far: their ratio is the group commit's batch size. */
    long[] eventsAndCommits() throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT tx::text) FROM " + schema + ".events")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
