package io.annal.store.postgres.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.annal.store.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The store's connections: a pool whose connections have the store's schema pinned as their
 * {@code search_path}, plus a way to open one unpooled connection for LISTEN.
 */
public final class Database implements AutoCloseable {

    /** Opens one raw connection, outside the pool. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private final SchemaName schema;
    private final HikariDataSource pool;
    private final ConnectionFactory direct;

    private Database(SchemaName schema, HikariDataSource pool, ConnectionFactory direct) {
        this.schema = schema;
        this.pool = pool;
        this.direct = direct;
    }

    /**
     * Pools connections from {@code source}, migrates the schema with Flyway and returns the
     * database ready for use.
     */
    public static Database open(
            SchemaName schema, DataSource source, ConnectionFactory direct, int maxPoolSize, Duration timeout) {
        migrate(schema, source);
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("annal-" + schema.value());
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Math.max(250, timeout.toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(timeout.toMillis(), 5_000)));
        config.setConnectionInitSql("SET search_path TO " + schema.quoted());
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(-1);
        return new Database(schema, new HikariDataSource(config), direct);
    }

    private static void migrate(SchemaName schema, DataSource source) {
        try {
            Flyway.configure()
                    .dataSource(source)
                    .schemas(schema.value())
                    .defaultSchema(schema.value())
                    .createSchemas(true)
                    .locations("classpath:db/migration/annal")
                    .table("annal_schema_history")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StorageException(
                    "could not create or upgrade the event store schema '" + schema.value() + "': " + e.getMessage(),
                    e);
        }
    }

    public SchemaName schema() {
        return schema;
    }

    /** A pooled connection in auto-commit mode, with the store's schema on its search path. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** An unpooled connection; the caller pins the search path if it needs one. */
    public Connection directConnection() throws SQLException {
        return direct.open();
    }

    @Override
    public void close() {
        pool.close();
    }
}
