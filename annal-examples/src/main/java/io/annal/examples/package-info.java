/**
 * The reference domains of the HTTP API as pure deciders and views: bank accounts and transfers
 * ({@link io.annal.examples.bank}), orders and inventory ({@link io.annal.examples.orders}), and
 * {@link io.annal.examples.BankDemo}, which runs the bank against the in-memory store.
 */
package io.annal.examples;
