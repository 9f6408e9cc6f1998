package io.annal.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Server time, WAL and buffers per event by statement (pg_stat_statements with track = all, so the
 * statements inside the store's functions count too), from a reset to a print: where the server's
 * CPU per event goes, for Annal and for the plain INSERT beside it.
 */
final class StatementTimes {

    private static final String TOP = "SELECT calls, total_exec_time, total_plan_time, rows, wal_records, wal_bytes,"
            + " shared_blks_hit + shared_blks_read, toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 90)"
            + " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 14";

    private StatementTimes() {}

    static void reset(PgServer server) throws SQLException {
        try (Connection c = server.connect();
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    static void print(PgServer server, String scenario, String target, double events) throws SQLException {
        try (Connection c = server.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(TOP)) {
            while (rs.next()) {
                System.out.printf(
                        "%-22s %-6s stmt %s %8d calls %7.1f us exec %5.1f us plan %6.2f rows %6.2f wal rec %7.0f wal B"
                                + " %6.1f blks per event: %s%n",
                        scenario,
                        target,
                        rs.getBoolean(8) ? "top " : "nest",
                        rs.getLong(1),
                        rs.getDouble(2) * 1e3 / events,
                        rs.getDouble(3) * 1e3 / events,
                        rs.getLong(4) / events,
                        rs.getLong(5) / events,
                        rs.getDouble(6) / events,
                        rs.getLong(7) / events,
                        rs.getString(9));
            }
        }
    }
}
