package io.annal.readmodels;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;
import io.annal.examples.bank.Balance;
import io.annal.examples.bank.BankCodecs;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** {@code GET /queries/balance/{accountId}} as a SQL table: one row per account. */
public final class BalanceReadModel implements ProjectionHandler<JdbcContext> {

    private static final EventCodec<AccountEvent> CODEC = BankCodecs.accounts();

    private BalanceReadModel() {}

    public static Projection<JdbcContext> projection() {
        return projection(1);
    }

    public static Projection<JdbcContext> projection(int version) {
        return Projection.of("balance", version, EventFilter.streamPrefixes("account-"), new BalanceReadModel());
    }

    @Override
    public void prepare(JdbcContext context) throws SQLException {
        Sql.update(
                context.connection(),
                "CREATE TABLE " + context.table("balance") + " (account_id VARCHAR(200) PRIMARY KEY,"
                        + " owner TEXT NOT NULL, balance BIGINT NOT NULL, status VARCHAR(10) NOT NULL,"
                        + " version BIGINT NOT NULL)");
    }

    @Override
    public void handle(JdbcContext context, RecordedEvent event) throws SQLException {
        Connection c = context.connection();
        String table = context.table("balance");
        String id = Sql.idOf(event.stream());
        long version = event.version();
        switch (CODEC.decodeEvent(event)) {
            case AccountOpened opened ->
                Sql.update(
                        c,
                        "INSERT INTO " + table
                                + " (account_id, owner, balance, status, version) VALUES (?, ?, 0, 'open', ?)",
                        opened.accountId(),
                        opened.owner(),
                        version);
            case Deposited deposited ->
                Sql.update(
                        c,
                        "UPDATE " + table + " SET balance = balance + ?, version = ? WHERE account_id = ?",
                        deposited.amount(),
                        version,
                        id);
            case Withdrew withdrew ->
                Sql.update(
                        c,
                        "UPDATE " + table + " SET balance = balance - ?, version = ? WHERE account_id = ?",
                        withdrew.amount(),
                        version,
                        id);
            case AccountClosed closed ->
                Sql.update(
                        c, "UPDATE " + table + " SET status = 'closed', version = ? WHERE account_id = ?", version, id);
        }
    }

    public static Optional<Balance> find(JdbcReadModels models, String accountId) {
        return models.query(c -> find(c, accountId));
    }

    public static Optional<Balance> find(Connection c, String accountId) throws SQLException {
        return Sql.select(
                        c,
                        "SELECT account_id, owner, balance, status, version FROM balance WHERE account_id = ?",
                        r -> new Balance(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getLong(5)),
                        accountId)
                .stream()
                .findFirst();
    }
}
