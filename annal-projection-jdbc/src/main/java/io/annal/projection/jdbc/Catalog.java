package io.annal.projection.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Annal's own tables beside the read models, in the same database so that one transaction covers
 * a read-model change and its bookkeeping:
 *
 * <pre>
 * annal_projections       projection → the generation queries read, and the code version that built it
 * annal_checkpoints       (projection, generation) → last_position applied (-1: prepared, nothing yet)
 * annal_projection_tables (projection, generation, logical_name): the tables a build made
 * annal_dead_letters      parked events, by id
 * </pre>
 */
final class Catalog {

    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS annal_projections (
              projection VARCHAR(40) PRIMARY KEY,
              generation BIGINT NOT NULL,
              code_version INTEGER NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS annal_checkpoints (
              projection VARCHAR(40) NOT NULL,
              generation BIGINT NOT NULL,
              last_position BIGINT NOT NULL,
              PRIMARY KEY (projection, generation))""", """
            CREATE TABLE IF NOT EXISTS annal_projection_tables (
              projection VARCHAR(40) NOT NULL,
              generation BIGINT NOT NULL,
              logical_name VARCHAR(40) NOT NULL,
              PRIMARY KEY (projection, generation, logical_name))""", """
            CREATE TABLE IF NOT EXISTS annal_dead_letters (
              id VARCHAR(36) PRIMARY KEY,
              projection VARCHAR(40) NOT NULL,
              generation BIGINT NOT NULL,
              event_position BIGINT NOT NULL,
              stream TEXT NOT NULL,
              stream_version BIGINT NOT NULL,
              event_id VARCHAR(36) NOT NULL,
              event_type TEXT NOT NULL,
              error TEXT NOT NULL,
              attempts INTEGER NOT NULL,
              parked_at BIGINT NOT NULL)""");

    private Catalog() {}

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
    }

    /** The stored checkpoint, locked for this transaction; empty when the build was never prepared. */
    static OptionalLong lockCheckpoint(Connection c, SqlDialect dialect, String projection, long generation)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT last_position FROM annal_checkpoints WHERE projection = ? AND generation = ?"
                        + dialect.lockRow())) {
            s.setString(1, projection);
            s.setLong(2, generation);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    static void saveCheckpoint(Connection c, String projection, long generation, long position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO annal_checkpoints (projection, generation, last_position) VALUES (?, ?, ?)
                ON CONFLICT (projection, generation) DO UPDATE SET last_position = excluded.last_position""")) {
            s.setString(1, projection);
            s.setLong(2, generation);
            s.setLong(3, position);
            s.executeUpdate();
        }
    }

    static List<String> tables(Connection c, String projection, long generation) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT logical_name FROM annal_projection_tables WHERE projection = ? AND generation = ?"
                        + " ORDER BY logical_name")) {
            s.setString(1, projection);
            s.setLong(2, generation);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    static void addTable(Connection c, String projection, long generation, String logical) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO annal_projection_tables (projection, generation, logical_name) VALUES (?, ?, ?)")) {
            s.setString(1, projection);
            s.setLong(2, generation);
            s.setString(3, logical);
            s.executeUpdate();
        }
    }

    /** Drops a build's tables and forgets its checkpoint, table list and dead letters. */
    static void discard(Connection c, String projection, long generation) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String logical : tables(c, projection, generation)) {
                s.execute("DROP TABLE IF EXISTS " + JdbcContext.physical(logical, generation));
            }
        }
        for (String table : List.of("annal_projection_tables", "annal_checkpoints", "annal_dead_letters")) {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM " + table + " WHERE projection = ? AND generation = ?")) {
                s.setString(1, projection);
                s.setLong(2, generation);
                s.executeUpdate();
            }
        }
    }
}
