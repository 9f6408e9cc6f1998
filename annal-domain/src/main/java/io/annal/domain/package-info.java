/**
 * The pure heart of an event-sourced model: {@link io.annal.domain.Decider} for the write side,
 * {@link io.annal.domain.View} for read-model folds and {@link io.annal.domain.ProcessManager} for
 * work that spans streams. Nothing here does I/O or reads a clock; time and ids arrive in commands.
 */
package io.annal.domain;
