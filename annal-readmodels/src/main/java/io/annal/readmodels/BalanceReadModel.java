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
import io.annal.projection.jdbc.RowChange;
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
        return projection(2);
    }

    public static Projection<JdbcContext> projection(int version) {
        return Projection.of("balance", version, EventFilter.streamPrefixes("account-"), new BalanceReadModel());
    }

    @Override
    public void prepare(JdbcContext context) throws SQLException {
        Sql.update(
                context.connection(),
                "CREATE TABLE " + context.table("balance") + " (account_id VARCHAR(200) PRIMARY KEY,"
                        + " owner TEXT NOT NULL DEFAULT '', balance BIGINT NOT NULL DEFAULT 0,"
                        + " status VARCHAR(10) NOT NULL DEFAULT 'open', version BIGINT NOT NULL DEFAULT 0)");
    }

    @Override
    public void handle(JdbcContext context, RecordedEvent event) throws SQLException {
        // One merged row change per event: a batch's deposits to an account become one upsert row.
        RowChange row = context.change(context.table("balance"), "account_id", Sql.idOf(event.stream()))
                .set("version", event.version());
        switch (CODEC.decodeEvent(event)) {
            case AccountOpened opened ->
                row.set("owner", opened.owner()).set("balance", 0L).set("status", "open");
            case Deposited deposited -> row.add("balance", deposited.amount());
            case Withdrew withdrew -> row.add("balance", -withdrew.amount());
            case AccountClosed closed -> row.set("status", "closed");
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
