package io.annal.readmodels;

import com.zaxxer.hikari.HikariDataSource;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.projection.jdbc.SqlDialect;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** A read-model database for one test: a SQLite file in a temporary directory, or a PostgreSQL schema. */
public final class ReadModelDatabase implements AutoCloseable {

    private final JdbcReadModels models;
    private final Optional<HikariDataSource> pool;

    private ReadModelDatabase(JdbcReadModels models, Optional<HikariDataSource> pool) {
        this.models = models;
        this.pool = pool;
    }

    public static ReadModelDatabase open(SqlDialect dialect, Path directory) {
        return open(dialect, directory, UnaryOperator.identity());
    }

    /** With the connections passed through {@code wrap}, to inject faults. */
    public static ReadModelDatabase open(SqlDialect dialect, Path directory, UnaryOperator<DataSource> wrap) {
        return switch (dialect) {
            case SQLITE -> {
                DataSource source = JdbcReadModels.sqliteDataSource(directory.resolve("read-models.db"));
                yield new ReadModelDatabase(
                        JdbcReadModels.using(wrap.apply(source), dialect, InstantSource.system()), Optional.empty());
            }
            case POSTGRESQL -> {
                HikariDataSource pool = TestPostgres.freshPool();
                yield new ReadModelDatabase(
                        JdbcReadModels.using(wrap.apply(pool), dialect, InstantSource.system()), Optional.of(pool));
            }
        };
    }

    public JdbcReadModels models() {
        return models;
    }

    @Override
    public void close() {
        pool.ifPresent(HikariDataSource::close);
    }
}
