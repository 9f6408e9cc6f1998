package io.annal.examples.bank;

/** Every event of the bank domain: what accounts and transfers record. */
public sealed interface BankEvent permits AccountEvent, TransferEvent {}
