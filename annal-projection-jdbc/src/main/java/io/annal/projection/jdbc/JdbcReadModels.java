package io.annal.projection.jdbc;

import io.annal.projection.DeadLetter;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionSink;
import io.annal.projection.ProjectionStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQL read models in one database, with their checkpoints, build bookkeeping and dead letters in
 * the same database, so that each change and its checkpoint commit together.
 *
 * <p>Rebuilds without downtime: every build writes tables of its own ({@code balance_g2}); queries
 * read views with the plain names ({@code balance}). {@link #serve} re-points the views and drops
 * the old build's tables in one transaction, so a query sees the old model or the new one, never
 * a half-built one.
 */
public final class JdbcReadModels implements ProjectionStore<JdbcContext> {

    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;

    /**
     * WAL pages after which a commit checkpoints (SQLite's default is 1,000). A checkpoint writes
     * the pages back and syncs twice; on a disk shared with the event store those syncs stall its
     * group commits, and the larger the checkpoint the longer the stall (docs/benchmarks.md, "SQLite
     * checkpoints and the append tail"), so read models checkpoint small and often.
     */
    private static final int SQLITE_CHECKPOINT_PAGES = 200;

    private final Transactions transactions;
    private final SqlDialect dialect;
    private final InstantSource clock;

    private JdbcReadModels(DataSource source, SqlDialect dialect, InstantSource clock) {
        this.transactions =
                new Transactions(Objects.requireNonNull(source, "source"), Objects.requireNonNull(dialect, "dialect"));
        this.dialect = dialect;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Read models in the SQLite database file {@code file}, created if missing (WAL mode). */
    public static JdbcReadModels sqlite(Path file) {
        return using(sqliteDataSource(file), SqlDialect.SQLITE, InstantSource.system());
    }

    /** Connections to a SQLite file set up as {@link #sqlite} needs them, for wrapping in a pool or probe. */
    public static DataSource sqliteDataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        // The writer takes the lock when the transaction begins, not when it first writes, so two
        // writers queue instead of one failing to upgrade its read lock.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(SQLITE_CHECKPOINT_PAGES));
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /** Read models in PostgreSQL, through {@code pool} (a connection pool such as HikariCP). */
    public static JdbcReadModels postgres(DataSource pool) {
        return using(pool, SqlDialect.POSTGRESQL, InstantSource.system());
    }

    /** Creates Annal's tables if they are missing. */
    public static JdbcReadModels using(DataSource source, SqlDialect dialect, InstantSource clock) {
        JdbcReadModels models = new JdbcReadModels(source, dialect, clock);
        models.run(c -> {
            Catalog.create(c);
            return null;
        });
        return models;
    }

    /**
     * Runs a query in one consistent snapshot, on a connection of its own. Queries read the views
     * named after the handlers' logical tables ({@code SELECT ... FROM balance}).
     */
    public <T> T query(SqlWork<T> query) {
        return read(query);
    }

    /**
     * Sets up projections to be applied inside the PostgreSQL event store's append transactions
     * (see {@link InlineSqlProjections}). A projection this database does not serve yet gets an
     * empty first build, so it sees only events appended from now on: to build one over events
     * already stored, run it once with a {@code ProjectionManager} until it is caught up, stop
     * that, then run it inline at the same version.
     *
     * @throws IllegalStateException for SQLite, or for a projection served at another version
     */
    public InlineSqlProjections inline(List<Projection<JdbcContext>> projections) {
        if (dialect != SqlDialect.POSTGRESQL) {
            throw new IllegalStateException("projections run inside the store's transactions only when the read"
                    + " models are in PostgreSQL beside the event store; use a ProjectionManager for these");
        }
        List<InlineSqlProjections.Build> builds = new java.util.ArrayList<>();
        for (Projection<JdbcContext> projection : projections) {
            builds.add(inlineBuild(projection));
        }
        String searchPath = read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT current_setting('search_path')")) {
                r.next();
                return r.getString(1);
            }
        });
        return new InlineSqlProjections(builds, searchPath);
    }

    private InlineSqlProjections.Build inlineBuild(Projection<JdbcContext> projection) {
        Optional<ServedGeneration> served = served(projection.name());
        if (served.isPresent() && served.get().codeVersion() != projection.version()) {
            throw new IllegalStateException("projection '" + projection.name() + "' is served at version "
                    + served.get().codeVersion() + " but the code is at version " + projection.version()
                    + ": rebuild it with a ProjectionManager first, then run it inline");
        }
        if (served.isPresent()) {
            return new InlineSqlProjections.Build(projection, served.get().generation());
        }
        try {
            create(projection, 1);
            serve(projection.name(), 1, projection.version());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ReadModelException(
                    "could not create projection '" + projection.name() + "': " + e.getMessage(), e);
        }
        return new InlineSqlProjections.Build(projection, 1);
    }

    @Override
    public Optional<ServedGeneration> served(String projection) {
        return read(c -> served(c, projection));
    }

    @Override
    public ProjectionSink open(Projection<JdbcContext> projection, long generation) throws Exception {
        boolean prepared = transactions.write(c -> Catalog.lockCheckpoint(c, dialect, projection.name(), generation)
                .isPresent());
        return prepared ? sink(projection, generation) : create(projection, generation);
    }

    @Override
    public ProjectionSink create(Projection<JdbcContext> projection, long generation) throws Exception {
        transactions.write(c -> {
            Catalog.discard(c, projection.name(), generation);
            Set<String> tables = new LinkedHashSet<>();
            JdbcContext.preparing(c, generation, tables).run(projection.handler()::prepare);
            for (String logical : tables) {
                Catalog.addTable(c, projection.name(), generation, logical);
            }
            Catalog.saveCheckpoint(c, projection.name(), generation, -1);
            return null;
        });
        return sink(projection, generation);
    }

    @Override
    public void serve(String projection, long generation, int codeVersion) throws Exception {
        transactions.write(c -> {
            Optional<ServedGeneration> old = served(c, projection);
            try (Statement s = c.createStatement()) {
                if (old.isPresent() && old.get().generation() != generation) {
                    for (String logical :
                            Catalog.tables(c, projection, old.get().generation())) {
                        s.execute("DROP VIEW IF EXISTS " + logical);
                    }
                    Catalog.discard(c, projection, old.get().generation());
                }
                for (String logical : Catalog.tables(c, projection, generation)) {
                    s.execute("DROP VIEW IF EXISTS " + logical);
                    s.execute("CREATE VIEW " + logical + " AS SELECT * FROM "
                            + JdbcContext.physical(logical, generation));
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO annal_projections (projection, generation, code_version) VALUES (?, ?, ?)
                    ON CONFLICT (projection) DO UPDATE
                    SET generation = excluded.generation, code_version = excluded.code_version""")) {
                s.setString(1, projection);
                s.setLong(2, generation);
                s.setInt(3, codeVersion);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<DeadLetter> deadLetters(String projection) {
        return read(c -> DeadLetters.of(c, projection));
    }

    @Override
    public Optional<DeadLetter> deadLetter(String id) {
        return read(c -> DeadLetters.byId(c, id));
    }

    @Override
    public void skip(String id) throws Exception {
        transactions.write(c -> DeadLetters.remove(c, id));
    }

    private ProjectionSink sink(Projection<JdbcContext> projection, long generation) {
        return new JdbcSink(transactions, projection, generation, clock);
    }

    private static Optional<ServedGeneration> served(Connection c, String projection) throws Exception {
        try (PreparedStatement s =
                c.prepareStatement("SELECT generation, code_version FROM annal_projections WHERE projection = ?")) {
            s.setString(1, projection);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new ServedGeneration(r.getLong(1), r.getInt(2))) : Optional.empty();
            }
        }
    }

    private <T> T read(SqlWork<T> work) {
        try {
            return transactions.read(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ReadModelException("the read-model query failed: " + e.getMessage(), e);
        }
    }

    private <T> T run(SqlWork<T> work) {
        try {
            return transactions.write(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ReadModelException("the read-model database failed: " + e.getMessage(), e);
        }
    }
}
