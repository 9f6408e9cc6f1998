package io.annal.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * This JVM's CPU by thread name with digits dropped ("C2 CompilerThread", "GC Thread#",
     * "writer-"), from /proc/self/task: which part of the driver's CPU per event is the JIT, the
     * collector, the writers or the store's own threads. Threads that ended are not counted.
     */
    static Map<String, Long> clientNanosByThread() {
        Map<String, Long> threads = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    threads.merge(name.replaceAll("[0-9]+", ""), ticks * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return threads;
    }

    long serverNanos() {
        return serverNanosByKind().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The server's CPU by process kind: "backend" (sessions), each background process by its name
     * (walwriter, checkpointer, autovacuum worker, ...), "postmaster", and "exited" (children that
     * ended, autovacuum workers mostly); empty when unknown.
     */
    Map<String, Long> serverNanosByKind() {
        Map<String, Long> kinds = new TreeMap<>();
        if (postmaster < 0) {
            return kinds;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            kinds.put("postmaster", (field(postmaster, 13) + field(postmaster, 14)) * NANOS_PER_TICK);
            kinds.put("exited", (field(postmaster, 15) + field(postmaster, 16)) * NANOS_PER_TICK);
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(name);
                    if (field(pid, 3) == postmaster) {
                        kinds.merge(kind(pid), (field(pid, 13) + field(pid, 14)) * NANOS_PER_TICK, Long::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended meanwhile; its time is in the postmaster's children fields.
                }
            }
            return kinds;
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** "postgres: walwriter" is a background process; a session's title names its user and database. */
    private static String kind(long pid) throws IOException {
        String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
                .replace('\0', ' ')
                .trim();
        String rest = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
        return rest.startsWith("postgres postgres ") ? "backend" : rest.replaceAll(" [0-9].*$", "");
    }

    /** Field {@code index} (0-based, after the pid and the name in parentheses) of /proc/pid/stat. */
    private static long field(long pid, int index) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[index - 2]);
    }
}
