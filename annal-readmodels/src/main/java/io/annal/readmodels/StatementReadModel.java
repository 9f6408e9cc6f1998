package io.annal.readmodels;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.AccountEvent;
import io.annal.examples.bank.AccountEvent.AccountClosed;
import io.annal.examples.bank.AccountEvent.AccountOpened;
import io.annal.examples.bank.AccountEvent.Deposited;
import io.annal.examples.bank.AccountEvent.Withdrew;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.Statement;
import io.annal.projection.Projection;
import io.annal.projection.ProjectionHandler;
import io.annal.projection.jdbc.JdbcContext;
import io.annal.projection.jdbc.JdbcReadModels;
import io.annal.store.EventFilter;
import io.annal.store.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code GET /queries/statement/{accountId}}: an account row and one entry row per movement of money. */
public final class StatementReadModel implements ProjectionHandler<JdbcContext> {

    private static final EventCodec<AccountEvent> CODEC = BankCodecs.accounts();

    private StatementReadModel() {}

    public static Projection<JdbcContext> projection() {
        // AccountClosed changes no row: the store skips it by its stored type, undecoded.
        EventFilter filter =
                EventFilter.streamPrefixes("account-").withTypes(Set.of("AccountOpened", "Deposited", "Withdrew"));
        return Projection.of("statement", 2, filter, new StatementReadModel());
    }

    @Override
    public void prepare(JdbcContext context) throws SQLException {
        Connection c = context.connection();
        Sql.update(
                c,
                "CREATE TABLE " + context.table("statement_accounts") + " (account_key VARCHAR(200) PRIMARY KEY,"
                        + " account_id VARCHAR(200) NOT NULL)");
        Sql.update(
                c,
                "CREATE TABLE " + context.table("statement_entries") + " (account_key VARCHAR(200) NOT NULL,"
                        + " version BIGINT NOT NULL, type VARCHAR(20) NOT NULL, amount BIGINT NOT NULL,"
                        + " balance_after BIGINT NOT NULL, recorded_at VARCHAR(40) NOT NULL,"
                        + " PRIMARY KEY (account_key, version))");
    }

    @Override
    public void handle(JdbcContext context, RecordedEvent event) throws SQLException {
        String key = Sql.idOf(event.stream());
        switch (CODEC.decodeEvent(event)) {
            case AccountOpened opened ->
                context.change(context.table("statement_accounts"), "account_key", key)
                        .set("account_id", opened.accountId());
            case Deposited deposited -> entry(context, event, key, "Deposited", deposited.amount(), deposited.amount());
            case Withdrew withdrew -> entry(context, event, key, "Withdrew", withdrew.amount(), -withdrew.amount());
            case AccountClosed closed -> {}
        }
    }

    private static void entry(
            JdbcContext context, RecordedEvent event, String key, String type, long amount, long change)
            throws SQLException {
        String entries = context.table("statement_entries");
        // The balance after comes from the account's latest entry within the insert itself: no read
        // before the write, and queued entries of one batch go in order, each seeing the one before.
        context.write(
                "INSERT INTO " + entries + " (account_key, version, type, amount, balance_after, recorded_at)"
                        + " SELECT ?, ?, ?, ?, COALESCE((SELECT balance_after FROM " + entries
                        + " WHERE account_key = ? ORDER BY version DESC LIMIT 1), 0) + ?, ?",
                key,
                event.version(),
                type,
                amount,
                key,
                change,
                event.recordedAt().toString());
    }

    public static Optional<Statement> find(JdbcReadModels models, String accountId) {
        return models.query(c -> find(c, accountId));
    }

    public static Optional<Statement> find(Connection c, String accountId) throws SQLException {
        Optional<String> id = Sql.select(
                        c,
                        "SELECT account_id FROM statement_accounts WHERE account_key = ?",
                        r -> r.getString(1),
                        accountId)
                .stream()
                .findFirst();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<Statement.Entry> entries = Sql.select(
                c,
                "SELECT version, type, amount, balance_after, recorded_at FROM statement_entries"
                        + " WHERE account_key = ? ORDER BY version",
                r -> new Statement.Entry(
                        r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4), Instant.parse(r.getString(5))),
                accountId);
        return Optional.of(new Statement(id.get(), entries));
    }
}
