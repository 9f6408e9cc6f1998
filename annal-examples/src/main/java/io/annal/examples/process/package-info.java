/**
 * What the reference processes share: the JSON codec as the command runtime's event mapper, and
 * {@link io.annal.examples.process.Transition}, one step of a process written as a single function.
 */
package io.annal.examples.process;
