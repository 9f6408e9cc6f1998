package io.annal.examples.bank;

/** A transfer as its decider sees it: not started, pending (debited or not), completed or failed. */
public sealed interface TransferState {

    static TransferState initial() {
        return new NotStarted();
    }

    /** Who pays whom how much. */
    record Terms(String transferId, String from, String to, long amount) {}

    record NotStarted() implements TransferState {}

    record Pending(Terms terms, boolean debited) implements TransferState {}

    record Completed(Terms terms) implements TransferState {}

    record Failed(Terms terms, String reason) implements TransferState {}
}
