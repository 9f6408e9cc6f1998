package io.annal.benchmarks;

import com.thoughtworks.xstream.XStream;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.xml.XStreamSerializer;

/**
 * Axon Framework 4's JDBC event storage engine with its default PostgreSQL schema and its default
 * (XStream) serializer, on a pooled data source in auto-commit mode: each appendEvents call is one
 * JDBC batch, which PostgreSQL runs as one transaction.
 */
final class AxonPgTarget implements PgTarget {

    private final HikariDataSource pool;
    private final JdbcEventStorageEngine engine;

    AxonPgTarget(String url, String schema, int connections) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(connections);
        config.setConnectionInitSql("SET search_path TO " + schema);
        this.pool = new HikariDataSource(config);
        XStream xStream = new XStream();
        xStream.allowTypesByWildcard(new String[] {"**"});
        XStreamSerializer serializer =
                XStreamSerializer.builder().xStream(xStream).build();
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(pool))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
    }

    @Override
    public String name() {
        return "axon";
    }

    @Override
    public Writer writer() {
        String aggregate = UUID.randomUUID().toString();
        return new Writer() {
            private long next;

            @Override
            public void append(int count, byte[] payload) {
                List<DomainEventMessage<byte[]>> events = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    events.add(new GenericDomainEventMessage<>("BenchmarkAggregate", aggregate, next++, payload));
                }
                engine.appendEvents(events);
            }
        };
    }

    @Override
    public void close() {
        pool.close();
    }
}
