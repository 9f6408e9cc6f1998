package io.annal.examples.bank;

import io.annal.domain.View;
import io.annal.examples.bank.TransferEvent.TransferCompleted;
import io.annal.examples.bank.TransferEvent.TransferDebited;
import io.annal.examples.bank.TransferEvent.TransferFailed;
import io.annal.examples.bank.TransferEvent.TransferStarted;
import java.util.Optional;

/** Folds a transfer's events into its {@link TransferSummary}. */
public final class TransferView implements View<TransferEvent, TransferSummary> {

    private TransferView() {}

    public static TransferView create() {
        return new TransferView();
    }

    @Override
    public TransferSummary initialState() {
        return TransferSummary.none();
    }

    @Override
    public TransferSummary evolve(TransferSummary state, TransferEvent event) {
        return switch (event) {
            case TransferStarted started ->
                new TransferSummary(
                        started.transferId(),
                        "pending",
                        started.from(),
                        started.to(),
                        started.amount(),
                        Optional.empty());
            case TransferDebited debited -> state;
            case TransferCompleted completed -> state.withStatus("completed");
            case TransferFailed failed ->
                new TransferSummary(
                        state.transferId(),
                        "failed",
                        state.from(),
                        state.to(),
                        state.amount(),
                        Optional.of(failed.reason()));
        };
    }
}
