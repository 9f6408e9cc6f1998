package io.annal.projection.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a SQL handler gets: the connection of the transaction that also stores the checkpoint, and
 * the names of this build's tables. Each build (generation) writes its own tables, {@code
 * balance_g2} for {@code balance}; queries read the plain name, a view switched to the serving
 * build. Handlers must not commit, roll back or change auto-commit.
 *
 * <p>Writes made with {@link #write} are queued and sent together, which turns a batch of events
 * into a few round trips; {@link #change} merges changes of the same row and sends many rows per
 * statement. Both reach the database before the checkpoint, in the same transaction, in the order
 * they were made, and before {@link #connection()} returns, so the handler's own reads see them.
 */
public final class JdbcContext {

    private static final int LONGEST_LOGICAL = 40;

    private final Connection connection;
    private final long generation;
    private final Optional<Set<String>> declared;
    private final QueuedWrites writes;
    private final MergedRows rows;

    private JdbcContext(Connection connection, long generation, Optional<Set<String>> declared) {
        this.connection = connection;
        this.generation = generation;
        this.declared = declared;
        this.writes = new QueuedWrites(connection);
        this.rows = new MergedRows(connection);
    }

    static JdbcContext applying(Connection connection, long generation) {
        return new JdbcContext(connection, generation, Optional.empty());
    }

    /** While preparing, every table named is recorded, to be served as a view later. */
    static JdbcContext preparing(Connection connection, long generation, Set<String> declared) {
        return new JdbcContext(connection, generation, Optional.of(declared));
    }

    /**
     * The transaction's connection, with every queued write sent first. Call it again after
     * {@link #write} rather than keeping it, or a read may miss the writes still queued.
     */
    public Connection connection() {
        try {
            send();
        } catch (SQLException e) {
            throw new ReadModelException("a queued read-model write failed: " + e.getMessage(), e);
        }
        return connection;
    }

    /**
     * Queues an INSERT, UPDATE or DELETE with its parameters (bound with {@code setObject}), to be
     * sent with the writes of the same SQL text that follow it. A failing write fails the batch's
     * transaction, and the runner then applies the batch's events one at a time.
     */
    public void write(String sql, Object... parameters) throws SQLException {
        if (rows.pending()) {
            send(); // Row changes made before this write reach the database before it.
        }
        writes.add(sql, parameters);
    }

    /**
     * Queues a change of the row of {@code table} whose {@code keyColumn} is {@code key}; see
     * {@link RowChange}. The key column must be the table's primary key (or unique).
     */
    public RowChange change(String table, String keyColumn, Object key) throws SQLException {
        return change(table, List.of(keyColumn), List.of(key));
    }

    /** As {@link #change(String, String, Object)}, for a key of several columns. */
    public RowChange change(String table, List<String> keyColumns, List<?> key) throws SQLException {
        if (rows.full()) {
            send();
        }
        return new RowChange(rows.row(table, keyColumns, List.copyOf(key)));
    }

    /** Queued writes go first: a row change is always later than every write still queued. */
    private void send() throws SQLException {
        writes.flush();
        rows.flush();
    }

    /**
     * Runs {@code work} with this context and sends its queued writes, all before the caller
     * stores the checkpoint; the statements are closed whether the work succeeds or not.
     */
    void run(ContextWork work) throws Exception {
        try {
            work.run(this);
            send();
        } finally {
            writes.close();
        }
    }

    @FunctionalInterface
    interface ContextWork {
        void run(JdbcContext context) throws Exception;
    }

    /** This build's table for {@code logical}, which queries read as a view named {@code logical}. */
    public String table(String logical) {
        String physical = name(logical);
        declared.ifPresent(set -> set.add(logical));
        return physical;
    }

    /** A name of this build for anything that is not a served table, such as an index. */
    public String name(String logical) {
        Objects.requireNonNull(logical, "logical");
        if (!SqlNames.valid(logical, LONGEST_LOGICAL, false)) {
            throw new IllegalArgumentException("a read-model name is 1 to 40 lower-case letters, digits or '_',"
                    + " starting with a letter (got '" + logical + "')");
        }
        return physical(logical, generation);
    }

    static String physical(String logical, long generation) {
        return logical + "_g" + generation;
    }
}
