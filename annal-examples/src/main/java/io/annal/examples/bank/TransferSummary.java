package io.annal.examples.bank;

import java.util.Objects;
import java.util.Optional;

/**
 * The transfer read model, {@code GET /queries/transfers/{transferId}}.
 *
 * @param status {@code pending}, {@code completed} or {@code failed}; empty before the start
 */
public record TransferSummary(
        String transferId, String status, String from, String to, long amount, Optional<String> reason) {

    public TransferSummary {
        Objects.requireNonNull(reason, "reason");
    }

    public static TransferSummary none() {
        return new TransferSummary("", "", "", "", 0, Optional.empty());
    }

    TransferSummary withStatus(String newStatus) {
        return new TransferSummary(transferId, newStatus, from, to, amount, reason);
    }
}
