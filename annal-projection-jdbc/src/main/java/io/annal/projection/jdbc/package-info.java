/**
 * SQL read models for projections, in SQLite (the embedded default) or PostgreSQL. {@link
 * io.annal.projection.jdbc.JdbcReadModels} is the door: a {@link
 * io.annal.projection.ProjectionStore} whose handlers get a {@link
 * io.annal.projection.jdbc.JdbcContext} inside the transaction that also stores the checkpoint.
 */
package io.annal.projection.jdbc;
