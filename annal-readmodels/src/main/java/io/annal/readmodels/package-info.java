/**
 * The reference read models of the HTTP contract as SQL projections: balance, statement, transfers,
 * order summary and search, stock. Each class gives its {@link io.annal.projection.Projection} and
 * its queries; they run in SQLite (the embedded default) or PostgreSQL through {@link
 * io.annal.projection.jdbc.JdbcReadModels}.
 */
package io.annal.readmodels;
