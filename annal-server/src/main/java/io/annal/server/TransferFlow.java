package io.annal.server;

import io.annal.command.CommandContext;
import io.annal.command.CommandResult;
import io.annal.examples.bank.AccountCommand.Deposit;
import io.annal.examples.bank.AccountCommand.Withdraw;
import io.annal.examples.bank.TransferCommand.CompleteTransfer;
import io.annal.examples.bank.TransferCommand.FailTransfer;
import io.annal.examples.bank.TransferCommand.RecordDebit;
import io.annal.examples.bank.TransferCommand.StartTransfer;
import java.util.Optional;

/**
 * The steps of a transfer once it started: debit the source, record it, credit the target and
 * complete; or fail, refunding a debit the target could not take. Every step has a command id
 * derived from the transfer id, so running the flow again (a retried request) repeats nothing
 * and finishes what an interrupted run left undone.
 */
final class TransferFlow {

    private final ReferenceDomains domains;

    TransferFlow(ReferenceDomains domains) {
        this.domains = domains;
    }

    void run(StartTransfer transfer, CommandContext request) {
        String id = transfer.transferId();
        Optional<String> debitRejected = rejection(
                domains.accounts.handle(new Withdraw(transfer.from(), transfer.amount()), step(request, id, "debit")));
        if (debitRejected.isPresent()) {
            domains.transfers.handle(new FailTransfer(id, debitRejected.get()), step(request, id, "fail"));
            return;
        }
        domains.transfers.handle(new RecordDebit(id), step(request, id, "debited"));
        Optional<String> creditRejected = rejection(
                domains.accounts.handle(new Deposit(transfer.to(), transfer.amount()), step(request, id, "credit")));
        if (creditRejected.isPresent()) {
            domains.accounts.handle(new Deposit(transfer.from(), transfer.amount()), step(request, id, "refund"));
            domains.transfers.handle(new FailTransfer(id, creditRejected.get()), step(request, id, "fail"));
            return;
        }
        domains.transfers.handle(new CompleteTransfer(id), step(request, id, "complete"));
    }

    private static CommandContext step(CommandContext request, String transferId, String step) {
        return StepIds.context(request, "transfer-" + transferId + "-" + step);
    }

    private static Optional<String> rejection(CommandResult result) {
        return switch (result) {
            case CommandResult.Rejected rejected ->
                Optional.of(rejected.rejection().code());
            case CommandResult.Conflict conflict -> Optional.of("concurrency-conflict");
            case CommandResult.Accepted accepted -> Optional.empty();
        };
    }
}
