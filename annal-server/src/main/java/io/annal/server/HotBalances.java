package io.annal.server;

import io.annal.examples.bank.Balance;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.ProjectionManager;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.readmodels.BalanceReadModel;
import io.annal.store.Position;
import io.annal.store.RecordedEvent;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Balances served from memory, so that hot accounts do not cost a SQL query each (goal P7).
 *
 * <p>An entry remembers the projection position its row was read at. The projection's handler
 * notes, before its transaction commits, the position of each account's latest event; an entry
 * older than that is read again. Since the position is taken before the row is read and only moves
 * after a commit, an entry is never staler than the position it claims.
 */
final class HotBalances {

    /** Beyond this many accounts the cache and the change marks start afresh rather than grow without bound. */
    private static final int MAX_ENTRIES = 200_000;

    private record Entry(Optional<Balance> balance, long readAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ChangeMarks changes = new ChangeMarks(MAX_ENTRIES);
    private final JdbcReadModels models;
    private ProjectionManager manager;

    HotBalances(JdbcReadModels models) {
        this.models = models;
    }

    /** The balance projection, with its handler noting which accounts change. */
    Projection<JdbcContext> projection() {
        Projection<JdbcContext> sql = BalanceReadModel.projection();
        ProjectionHandler<JdbcContext> handler = new ProjectionHandler<>() {
            @Override
            public void prepare(JdbcContext context) throws Exception {
                sql.handler().prepare(context);
            }

            @Override
            public void handle(JdbcContext context, RecordedEvent event) throws Exception {
                String name = event.stream().value();
                changes.changed(
                        name.substring(name.indexOf('-') + 1), event.position().value());
                sql.handler().handle(context, event);
            }
        };
        return Projection.of(sql.name(), sql.version(), sql.filter(), handler);
    }

    void startedBy(ProjectionManager manager) {
        this.manager = manager;
    }

    Optional<Balance> find(String accountId) {
        Entry entry = entries.get(accountId);
        if (entry != null && entry.readAt() >= changes.changedAt(accountId)) {
            return entry.balance();
        }
        long position = manager.position(BalanceReadModel.projection().name())
                .map(Position::value)
                .orElse(-1L);
        Optional<Balance> balance = BalanceReadModel.find(models, accountId);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(accountId, new Entry(balance, position));
        return balance;
    }
}
