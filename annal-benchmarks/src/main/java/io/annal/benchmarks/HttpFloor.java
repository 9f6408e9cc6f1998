package io.annal.benchmarks;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The floor under P7: the same web server as Annal's, on loopback, answering every
 * {@code GET /queries/balance/{id}} with a constant balance document and doing nothing else. wrk
 * against this and against the real server in the same session shows how much of a query's cost
 * is the server framework and the loopback socket, and how much is Annal's.
 *
 * <p>Usage: {@code java -cp "$CP" io.annal.benchmarks.HttpFloor} — prints {@code port=N}, serves
 * until killed.
 */
public final class HttpFloor {

    private static final byte[] BALANCE =
            "{\"accountId\":\"bench-1\",\"owner\":\"Bench\",\"balance\":100,\"status\":\"open\",\"version\":3}"
                    .getBytes(StandardCharsets.UTF_8);

    private HttpFloor() {}

    public static void main(String[] args) throws InterruptedException {
        WebServer server = WebServer.builder()
                .address(InetAddress.getLoopbackAddress())
                .port(0)
                .routing(r -> r.get("/queries/balance/{id}", (req, res) -> {
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.send(BALANCE);
                }))
                .build()
                .start();
        System.out.println("port=" + server.port());
        Thread.currentThread().join();
    }
}
