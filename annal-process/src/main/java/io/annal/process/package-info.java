/**
 * Process managers (sagas) at run time: {@link io.annal.process.ProcessRuntime} follows the log,
 * keeps each process instance's inputs in its own stream, sends commands with deterministic ids
 * through a {@link io.annal.process.CommandRouter}, compensates on rejections as the process
 * defines, and fires durable deadlines.
 */
package io.annal.process;
