/**
 * The command runtime: {@link io.annal.command.CommandHandler} routes a command to its decider's
 * stream, loads the state (latest snapshot plus the events after it, or a hot cached state),
 * decides, and appends with the loaded version as the expected version, retrying with jitter on
 * a conflict. Commands with an id are idempotent across restarts; snapshots are a cache kept in
 * the event store itself, so they work with every backend. Typed events reach the store through
 * an {@link io.annal.command.EventMapper}; this module does not depend on a JSON library.
 */
package io.annal.command;
