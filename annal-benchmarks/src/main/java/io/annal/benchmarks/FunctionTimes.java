package io.annal.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Server time inside the schema functions of the store (pg_stat_user_functions, with
 * track_functions on), between two snapshots: what the server spends per group commit before the
 * commit's WAL flush, as against the whole cycle the callers see.
 */
final class FunctionTimes {

    private record Times(long calls, double totalMillis, double selfMillis) {}

    private final Map<String, Times> before;

    private FunctionTimes(Map<String, Times> before) {
        this.before = before;
    }

    static FunctionTimes take(PgServer server) throws SQLException, InterruptedException {
        return new FunctionTimes(read(server));
    }

    void printSince(PgServer server, String scenario, long commits) throws SQLException, InterruptedException {
        Map<String, Times> after = read(server);
        after.forEach((name, now) -> {
            Times then = before.getOrDefault(name, new Times(0, 0, 0));
            long calls = now.calls - then.calls;
            if (calls > 0) {
                System.out.printf(
                        "%-22s server %-20s %7d calls  %.3f ms total, %.3f ms self per call; %.3f ms per commit%n",
                        scenario,
                        name,
                        calls,
                        (now.totalMillis - then.totalMillis) / calls,
                        (now.selfMillis - then.selfMillis) / calls,
                        (now.totalMillis - then.totalMillis) / Math.max(1, commits));
            }
        });
    }

    private static Map<String, Times> read(PgServer server) throws SQLException, InterruptedException {
        // Backends report their counts at most once a second, when idle.
        Thread.sleep(1_200);
        Map<String, Times> times = new HashMap<>();
        try (Connection c = server.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT schemaname || '.' || funcname, calls, total_time, self_time"
                        + " FROM pg_stat_user_functions")) {
            while (rs.next()) {
                times.put(rs.getString(1), new Times(rs.getLong(2), rs.getDouble(3), rs.getDouble(4)));
            }
        }
        return times;
    }
}
