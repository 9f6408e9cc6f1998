/**
 * Order fulfilment: {@link io.annal.examples.orders.process.FulfilmentProcess} reserves the stock
 * of every line of a confirmed order, then marks it ready to ship, or releases what it reserved
 * and rejects the order with the refusals as the reason; {@link
 * io.annal.examples.orders.process.FulfilmentProcessRuntime} wires it to a store.
 */
package io.annal.examples.orders.process;
