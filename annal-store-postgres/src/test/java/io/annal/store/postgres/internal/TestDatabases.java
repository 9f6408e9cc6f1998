package io.annal.store.postgres.internal;

import io.annal.store.postgres.TestPostgres;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/** The store's {@link Database} on the test server, without a pool library in between. */
final class TestDatabases {

    private TestDatabases() {}

    /** Opens (and migrates) {@code schema} with at most {@code connections} connections. */
    static Database open(SchemaName schema, int connections, Duration connectionTimeout) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(TestPostgres.url());
        return Database.open(schema, source, source::getConnection, connections, connectionTimeout);
    }
}
