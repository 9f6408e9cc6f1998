package io.annal.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * CPU time of this JVM and of a local PostgreSQL server (the postmaster, its live backends and
 * the backends that already exited), from /proc, in nanoseconds: on a shared machine CPU per
 * operation is steadier than throughput. The server's share is unknown (-1) off Linux or for a
 * remote server.
 */
final class ProcessCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private final long postmaster;

    private ProcessCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    static ProcessCpu of(PgServer server) {
        try (Connection c = server.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return new ProcessCpu(field(rs.getLong(1), 3));
        } catch (SQLException | IOException | RuntimeException e) {
            return new ProcessCpu(-1);
        }
    }

    long clientNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    long serverNanos() {
        if (postmaster < 0) {
            return -1;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            long ticks = field(postmaster, 13) + field(postmaster, 14) + field(postmaster, 15) + field(postmaster, 16);
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(name);
                    if (field(pid, 3) == postmaster) {
                        ticks += field(pid, 13) + field(pid, 14);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended meanwhile; its time is in the postmaster's children fields.
                }
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Field {@code index} (0-based, after the pid and the name in parentheses) of /proc/pid/stat. */
    private static long field(long pid, int index) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[index - 2]);
    }
}
