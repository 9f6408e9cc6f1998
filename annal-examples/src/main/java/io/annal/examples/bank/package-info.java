/**
 * Bank accounts (stream {@code account-{accountId}}) and transfers between them (stream {@code
 * transfer-{transferId}}): {@link io.annal.examples.bank.AccountDecider} and {@link
 * io.annal.examples.bank.TransferDecider}, the balance, statement and transfer views, and {@link
 * io.annal.examples.bank.BankCodecs}, the stored event names. Amounts are whole minor units.
 */
package io.annal.examples.bank;
