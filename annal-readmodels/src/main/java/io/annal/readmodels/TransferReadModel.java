package io.annal.readmodels;

import io.annal.codec.EventCodec;
import io.annal.examples.bank.BankCodecs;
import io.annal.examples.bank.TransferEvent;
import io.annal.examples.bank.TransferEvent.TransferCompleted;
import io.annal.examples.bank.TransferEvent.TransferDebited;
import io.annal.examples.bank.TransferEvent.TransferFailed;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import io.annal.examples.bank.TransferSummary;
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
import java.util.Set;

/** {@code GET /queries/transfers/{transferId}}: one row per transfer. */
public final class TransferReadModel implements ProjectionHandler<JdbcContext> {

    private static final EventCodec<TransferEvent> CODEC = BankCodecs.transfers();

    private TransferReadModel() {}

    public static Projection<JdbcContext> projection() {
        // TransferDebited changes no row: the store skips it by its stored type, undecoded.
        EventFilter filter = EventFilter.streamPrefixes("transfer-")
                .withTypes(Set.of("TransferStarted", "TransferCompleted", "TransferFailed"));
        return Projection.of("transfers", 2, filter, new TransferReadModel());
    }

    @Override
    public void prepare(JdbcContext context) throws SQLException {
        Sql.update(
                context.connection(),
                "CREATE TABLE " + context.table("transfers") + " (transfer_key VARCHAR(200) PRIMARY KEY,"
                        + " transfer_id VARCHAR(200) NOT NULL DEFAULT '', status VARCHAR(10) NOT NULL DEFAULT 'pending',"
                        + " from_account VARCHAR(200) NOT NULL DEFAULT '', to_account VARCHAR(200) NOT NULL DEFAULT '',"
                        + " amount BIGINT NOT NULL DEFAULT 0, reason TEXT)");
    }

    @Override
    public void handle(JdbcContext context, RecordedEvent event) throws SQLException {
        TransferEvent decoded = CODEC.decodeEvent(event);
        if (decoded instanceof TransferDebited) {
            return;
        }
        RowChange row = context.change(context.table("transfers"), "transfer_key", Sql.idOf(event.stream()));
        switch (decoded) {
            case TransferStarted started ->
                row.set("transfer_id", started.transferId())
                        .set("status", "pending")
                        .set("from_account", started.from())
                        .set("to_account", started.to())
                        .set("amount", started.amount());
            case TransferDebited debited -> {}
            case TransferCompleted completed -> row.set("status", "completed");
            case TransferFailed failed -> row.set("status", "failed").set("reason", failed.reason());
        }
    }

    public static Optional<TransferSummary> find(JdbcReadModels models, String transferId) {
        return models.query(c -> find(c, transferId));
    }

    public static Optional<TransferSummary> find(Connection c, String transferId) throws SQLException {
        return Sql.select(
                        c,
                        "SELECT transfer_id, status, from_account, to_account, amount, reason FROM transfers"
                                + " WHERE transfer_key = ?",
                        r -> new TransferSummary(
                                r.getString(1),
                                r.getString(2),
                                r.getString(3),
                                r.getString(4),
                                r.getLong(5),
                                Optional.ofNullable(r.getString(6))),
                        transferId)
                .stream()
                .findFirst();
    }
}
