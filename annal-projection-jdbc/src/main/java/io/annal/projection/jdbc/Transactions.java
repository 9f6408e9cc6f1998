package io.annal.projection.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Runs work in one transaction on a connection of its own, rolling back on any failure; one per
 * database.
 *
 * <p>SQLite has one writer at a time. Its own wait for the write lock is a busy handler that
 * sleeps 1, 2, 5, 10… ms inside the native call: a waiting platform thread sleeps far longer than
 * the lock is held, and a waiting virtual thread holds one of the few carriers every HTTP handler
 * shares. So writers of one SQLite database queue in Java first, on a fair lock that hands over at
 * the commit and parks a virtual thread; the busy handler remains for writers in other processes.
 * Transactions are begun and ended by statement because sqlite-jdbc's {@code commit()} begins the
 * next transaction at once, which took the write lock a second time per transaction until the
 * pool ended it.
 */
final class Transactions {

    private final DataSource source;
    private final SqlDialect dialect;
    private final ReentrantLock sqliteWriters = new ReentrantLock(true);

    Transactions(DataSource source, SqlDialect dialect) {
        this.source = source;
        this.dialect = dialect;
    }

    SqlDialect dialect() {
        return dialect;
    }

    <T> T write(SqlWork<T> work) throws Exception {
        if (dialect != SqlDialect.SQLITE) {
            return withAutoCommitOff(work);
        }
        sqliteWriters.lock();
        try {
            return byStatements("BEGIN IMMEDIATE", work);
        } finally {
            sqliteWriters.unlock();
        }
    }

    /**
     * Runs reads in one snapshot without taking a writer's lock: SQLite's writers begin IMMEDIATE,
     * so readers open a deferred transaction.
     */
    <T> T read(SqlWork<T> work) throws Exception {
        return dialect == SqlDialect.SQLITE ? byStatements("BEGIN DEFERRED", work) : withAutoCommitOff(work);
    }

    private <T> T withAutoCommitOff(SqlWork<T> work) throws Exception {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable t) {
                try {
                    connection.rollback();
                } catch (SQLException | RuntimeException e) {
                    t.addSuppressed(e);
                }
                throw t;
            }
        }
    }

    private <T> T byStatements(String begin, SqlWork<T> work) throws Exception {
        try (Connection connection = source.getConnection();
                Statement control = connection.createStatement()) {
            control.execute(begin);
            try {
                T result = work.run(connection);
                control.execute("COMMIT");
                return result;
            } catch (Throwable t) {
                try {
                    control.execute("ROLLBACK");
                } catch (SQLException | RuntimeException e) {
                    t.addSuppressed(e);
                }
                throw t;
            }
        }
    }
}
