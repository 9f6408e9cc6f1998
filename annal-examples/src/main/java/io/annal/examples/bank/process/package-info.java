/**
 * The transfer process of the HTTP API's bank: {@link io.annal.examples.bank.process.TransferProcess}
 * debits the source, credits the target and completes the transfer, refunds the source when the
 * credit is refused, and fails a transfer whose debit has no answer by its deadline; {@link
 * io.annal.examples.bank.process.TransferProcessRuntime} wires it to a store.
 */
package io.annal.examples.bank.process;
