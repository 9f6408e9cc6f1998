package io.annal.projection.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.embedded.RedisServer;

/**
 * The Redis the tests use: a real redis-server unpacked from the embedded-redis jar and started
 * once per test JVM, or the one at {@code ANNAL_TEST_REDIS_PORT}. Each test empties it first.
 */
@SuppressWarnings("deprecation") // JedisPool: see RedisSink.
final class TestRedis {

    private static final String PORT_VARIABLE = "ANNAL_TEST_REDIS_PORT";
    private static int port;

    private TestRedis() {}

    /** A pool onto an emptied Redis. Close it when done. */
    static JedisPool freshPool() {
        JedisPool pool = new JedisPool("localhost", port());
        try (Jedis jedis = pool.getResource()) {
            jedis.flushAll();
        }
        return pool;
    }

    private static synchronized int port() {
        if (port == 0) {
            String external = System.getenv(PORT_VARIABLE);
            port = external != null && !external.isBlank() ? Integer.parseInt(external) : startEmbedded();
        }
        return port;
    }

    private static int startEmbedded() {
        try (ServerSocket probe = new ServerSocket(0)) {
            int free = probe.getLocalPort();
            probe.close();
            RedisServer server = RedisServer.newRedisServer()
                    .port(free)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    // The JVM is going away; the server process goes with it.
                }
            }));
            return free;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Redis for tests", e);
        }
    }
}
