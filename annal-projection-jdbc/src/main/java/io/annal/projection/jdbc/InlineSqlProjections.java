package io.annal.projection.jdbc;

import io.annal.projection.Projection;
import io.annal.store.RecordedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Projections applied inside someone else's transaction: the PostgreSQL event store's append
 * transaction, when the read models live in the same database. A read model updated this way is
 * never behind the events it is built from, and an append whose update fails is not stored.
 *
 * <p>Hand {@link #apply} to the store as its in-transaction work:
 * {@code PostgresEventStore.open(config, readModels.inline(projections)::apply)}. Each projection
 * keeps its checkpoint moving, so it can later run asynchronously again from where it stopped.
 * These projections must not also run in a {@code ProjectionManager} at the same time.
 */
public final class InlineSqlProjections {

    private final List<Build> builds;
    private final String searchPath;

    record Build(Projection<JdbcContext> projection, long generation) {}

    InlineSqlProjections(List<Build> builds, String searchPath) {
        this.builds = List.copyOf(builds);
        this.searchPath = searchPath;
    }

    /**
     * Applies the events to every projection that selects them, on {@code connection} and in its
     * open transaction, then moves each projection's checkpoint. The connection's {@code
     * search_path} is the read models' meanwhile, and is put back afterwards.
     */
    public void apply(Connection connection, List<RecordedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        String previous = searchPath(connection, searchPath);
        for (Build build : builds) {
            applyTo(connection, build, events);
        }
        // Only on success: a failure rolls the transaction back, and its local settings with it.
        searchPath(connection, previous);
    }

    private static void applyTo(Connection c, Build build, List<RecordedEvent> events) throws SQLException {
        Projection<JdbcContext> projection = build.projection();
        try {
            JdbcContext context = JdbcContext.applying(c, build.generation());
            context.run(ctx -> {
                for (RecordedEvent event : events) {
                    if (projection.filter().matches(event)) {
                        projection.handler().handle(ctx, event);
                    }
                }
            });
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // SQL's class for a failure outside the database: the store must not take it for a lost connection
            throw new SQLException("inline projection '" + projection.name() + "' failed: " + e, "38000", e);
        }
        // events come in position order
        advanceCheckpoint(
                c,
                projection.name(),
                build.generation(),
                events.getLast().position().value());
    }

    /** Never backwards: another process's group may have committed higher positions first. */
    private static void advanceCheckpoint(Connection c, String projection, long generation, long position)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE annal_checkpoints SET last_position = ?"
                + " WHERE projection = ? AND generation = ? AND last_position < ?")) {
            s.setLong(1, position);
            s.setString(2, projection);
            s.setLong(3, generation);
            s.setLong(4, position);
            s.executeUpdate();
        }
    }

    /** Sets the transaction's search_path and returns the one it replaced. */
    private static String searchPath(Connection c, String path) throws SQLException {
        String previous;
        try (PreparedStatement s = c.prepareStatement("SELECT current_setting('search_path')");
                ResultSet r = s.executeQuery()) {
            r.next();
            previous = r.getString(1);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('search_path', ?, true)")) {
            s.setString(1, path);
            s.executeQuery().close();
        }
        return previous;
    }
}
