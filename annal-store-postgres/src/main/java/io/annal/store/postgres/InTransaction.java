package io.annal.store.postgres;

import io.annal.store.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Work done inside an append's transaction, after its events have their versions and positions and
 * before it commits: typically inline projections updating read models in the same database, so
 * that a read model never lags the events it is built from and an append whose read-model update
 * fails is not stored at all.
 *
 * <p>Appends are committed in groups, so {@code events} holds the accepted events of every append
 * of one group, in position order. If the work throws, the group is rolled back and its appends are
 * retried one per transaction, so only the append whose events the work refuses fails (with a
 * {@link io.annal.store.StorageException} naming the cause). The work must leave the connection's
 * transaction and settings as it found them, apart from its own writes.
 */
@FunctionalInterface
public interface InTransaction {

    void apply(Connection connection, List<RecordedEvent> events) throws SQLException;
}
