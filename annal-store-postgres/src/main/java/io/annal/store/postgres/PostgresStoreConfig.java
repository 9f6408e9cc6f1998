package io.annal.store.postgres;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * How to reach PostgreSQL and how the store behaves there. Start from {@link #forUrl} or {@link
 * #forDataSource} and adjust with the {@code with} methods; every instance is immutable.
 */
public final class PostgresStoreConfig {

    /** The schema used when none is given. */
    public static final String DEFAULT_SCHEMA = "annal";

    /**
     * Append transactions in flight at once by default: one, because on a 2-core server two or four
     * split 16 callers into smaller batches and cost more CPU per event than they saved in shared
     * WAL flushes (docs/benchmarks.md, P5 rounds four, seven and eight).
     */
    public static final int DEFAULT_COMMITTERS = 1;

    /** The most append transactions in flight that {@link #withCommitters} accepts. */
    public static final int MAX_COMMITTERS = 8;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    private final String schema;
    private final InstantSource clock;
    private final int maxPoolSize;
    private final int committers;
    private final Duration connectionTimeout;
    private final Duration stallThreshold;
    private final Duration stallCheckInterval;

    private PostgresStoreConfig(
            String jdbcUrl,
            String user,
            String password,
            DataSource dataSource,
            String schema,
            InstantSource clock,
            int maxPoolSize,
            int committers,
            Duration connectionTimeout,
            Duration stallThreshold,
            Duration stallCheckInterval) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dataSource = dataSource;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPoolSize = maxPoolSize;
        this.committers = committers;
        this.connectionTimeout = requirePositive(connectionTimeout, "connectionTimeout");
        this.stallThreshold = requirePositive(stallThreshold, "stallThreshold");
        this.stallCheckInterval = requirePositive(stallCheckInterval, "stallCheckInterval");
        if (maxPoolSize < 2) {
            throw new IllegalArgumentException("maxPoolSize must be 2 or more (got " + maxPoolSize + ")");
        }
        if (committers < 1 || committers > MAX_COMMITTERS) {
            throw new IllegalArgumentException(
                    "committers must be between 1 and " + MAX_COMMITTERS + " (got " + committers + ")");
        }
    }

    /** Connects with a JDBC URL ({@code jdbc:postgresql://host:port/db}), a user and a password. */
    public static PostgresStoreConfig forUrl(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new PostgresStoreConfig(
                jdbcUrl,
                user,
                password,
                null,
                DEFAULT_SCHEMA,
                InstantSource.system(),
                8,
                DEFAULT_COMMITTERS,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }

    /**
     * Connects through an existing data source. The store still pools its own connections on top
     * of it, so that it can pin their {@code search_path}.
     */
    public static PostgresStoreConfig forDataSource(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new PostgresStoreConfig(
                null,
                null,
                null,
                dataSource,
                DEFAULT_SCHEMA,
                InstantSource.system(),
                8,
                DEFAULT_COMMITTERS,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }

    /** The PostgreSQL schema that holds the store's tables; a lower-case SQL identifier. */
    public PostgresStoreConfig withSchema(String value) {
        return new PostgresStoreConfig(
                jdbcUrl,
                user,
                password,
                dataSource,
                value,
                clock,
                maxPoolSize,
                committers,
                connectionTimeout,
                stallThreshold,
                stallCheckInterval);
    }

    /** The clock that stamps {@code recordedAt} and judges {@code maxAge}. */
    public PostgresStoreConfig withClock(InstantSource value) {
        return new PostgresStoreConfig(
                jdbcUrl,
                user,
                password,
                dataSource,
                schema,
                value,
                maxPoolSize,
                committers,
                connectionTimeout,
                stallThreshold,
                stallCheckInterval);
    }

    /** The most connections the store keeps open (one more is used to listen for appends). */
    public PostgresStoreConfig withMaxPoolSize(int value) {
        return new PostgresStoreConfig(
                jdbcUrl,
                user,
                password,
                dataSource,
                schema,
                clock,
                value,
                committers,
                connectionTimeout,
                stallThreshold,
                stallCheckInterval);
    }

    /**
     * How many append transactions may be in flight at once, each on its own pooled connection, so
     * that their commits share WAL flushes; at most one less than {@link #withMaxPoolSize}, so that
     * reads still find a connection, and one when the store runs work inside its transactions.
     */
    public PostgresStoreConfig withCommitters(int value) {
        return new PostgresStoreConfig(
                jdbcUrl,
                user,
                password,
                dataSource,
                schema,
                clock,
                maxPoolSize,
                value,
                connectionTimeout,
                stallThreshold,
                stallCheckInterval);
    }

    /** How long an operation waits for a connection before failing with a storage error. */
    public PostgresStoreConfig withConnectionTimeout(Duration value) {
        return new PostgresStoreConfig(
                jdbcUrl,
                user,
                password,
                dataSource,
                schema,
                clock,
                maxPoolSize,
                committers,
                value,
                stallThreshold,
                stallCheckInterval);
    }

    /**
     * How long committed events may wait behind an open transaction before the store reports the
     * stall, and how often it checks.
     */
    public PostgresStoreConfig withStallReporting(Duration threshold, Duration checkInterval) {
        return new PostgresStoreConfig(
                jdbcUrl,
                user,
                password,
                dataSource,
                schema,
                clock,
                maxPoolSize,
                committers,
                connectionTimeout,
                threshold,
                checkInterval);
    }

    public Optional<String> jdbcUrl() {
        return Optional.ofNullable(jdbcUrl);
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    public String schema() {
        return schema;
    }

    public InstantSource clock() {
        return clock;
    }

    public int maxPoolSize() {
        return maxPoolSize;
    }

    public int committers() {
        return committers;
    }

    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    public Duration stallThreshold() {
        return stallThreshold;
    }

    public Duration stallCheckInterval() {
        return stallCheckInterval;
    }

    private static Duration requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive (got " + value + ")");
        }
        return value;
    }

    @Override
    public String toString() {
        return "PostgresStoreConfig[" + (jdbcUrl != null ? jdbcUrl : "dataSource") + ", schema=" + schema + "]";
    }
}
