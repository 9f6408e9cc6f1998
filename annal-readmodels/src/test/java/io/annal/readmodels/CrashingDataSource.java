package io.annal.readmodels;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Connections that crash the process, as far as a runner can tell, in transactions that store a
 * checkpoint: right after the handler's changes and before the checkpoint is written, just before
 * the commit, or just after it (the commit happened but nobody heard). The first three such
 * transactions crash once each way; after that a crash comes with probability {@code rate}.
 */
final class CrashingDataSource {

    /** Thrown where the process would have died; an {@link Error}, so no retry loop swallows it. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    enum Where {
        BEFORE_CHECKPOINT,
        BEFORE_COMMIT,
        AFTER_COMMIT
    }

    private final Random random;
    private final double rate;
    private final AtomicInteger crashes = new AtomicInteger();
    private volatile boolean armed;

    CrashingDataSource(long seed, double rate) {
        this.random = new Random(seed);
        this.rate = rate;
    }

    DataSource wrap(DataSource source) {
        return proxy(DataSource.class, (proxy, method, args) -> {
            Object result = invoke(source, method, args);
            return result instanceof Connection c ? connection(c) : result;
        });
    }

    void arm() {
        armed = true;
    }

    int crashes() {
        return crashes.get();
    }

    private Connection connection(Connection real) {
        Where[] plan = new Where[1];
        return proxy(Connection.class, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement")
                    && args[0] instanceof String sql
                    && sql.contains("INTO annal_checkpoints")) {
                plan[0] = decide();
                crashIf(plan[0] == Where.BEFORE_CHECKPOINT, plan[0]);
            } else if (name.equals("commit")) {
                return committing(plan, () -> invoke(real, method, args));
            } else if (name.equals("createStatement")) {
                return statement((Statement) invoke(real, method, args), plan);
            }
            return invoke(real, method, args);
        });
    }

    /** SQLite's transactions end by a {@code COMMIT} statement rather than {@code commit()}. */
    private Statement statement(Statement real, Where[] plan) {
        return proxy(Statement.class, (proxy, method, args) -> {
            if (method.getName().equals("execute") && args.length == 1 && "COMMIT".equals(args[0])) {
                return committing(plan, () -> invoke(real, method, args));
            }
            return invoke(real, method, args);
        });
    }

    private Object committing(Where[] plan, Commit commit) throws Throwable {
        Where where = plan[0];
        plan[0] = null;
        crashIf(where == Where.BEFORE_COMMIT, where);
        Object result = commit.run();
        crashIf(where == Where.AFTER_COMMIT, where);
        return result;
    }

    private interface Commit {
        Object run() throws Throwable;
    }

    private synchronized Where decide() {
        if (!armed) {
            return null;
        }
        int seen = crashes.get();
        if (seen < Where.values().length) {
            return Where.values()[seen];
        }
        return random.nextDouble() < rate ? Where.values()[random.nextInt(Where.values().length)] : null;
    }

    private void crashIf(boolean crash, Where where) {
        if (crash) {
            crashes.incrementAndGet();
            throw new SimulatedCrash(where.name());
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(
                Proxy.newProxyInstance(CrashingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
