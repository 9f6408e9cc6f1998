/**
 * Projections: read models kept up to date from the event log. {@link
 * io.annal.projection.ProjectionManager} is the door: it runs one checkpointed runner per
 * projection, rebuilds a new version beside the serving one, parks poison events as {@link
 * io.annal.projection.DeadLetter}s and reports lag. Read-model stores plug in through {@link
 * io.annal.projection.ProjectionStore}. {@link io.annal.projection.LiveView} folds a stream on
 * demand; {@link io.annal.projection.InlineProjections} acknowledges appends only once chosen
 * projections reflect them.
 */
package io.annal.projection;
