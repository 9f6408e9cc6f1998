package io.annal.http;

import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a request body within a byte limit and a time limit. The socket read runs on its own
 * virtual thread so that the request's thread can answer 408 when a client stops sending; the
 * 408 closes the connection, which ends the abandoned read.
 */
final class BodyReader {

    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    private BodyReader() {}

    static byte[] read(ServerRequest req, long limit, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Future<byte[]> body = READERS.submit(() -> readAll(req, limit, deadline, timeout));
        try {
            return body.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timedOut(timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw timedOut(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problem.of(503, "Service Unavailable", "the server is stopping; send the request again");
        }
    }

    private static byte[] readAll(ServerRequest req, long limit, long deadline, Duration timeout) {
        try (InputStream in = req.content().inputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw Requests.tooLarge(limit);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw timedOut(timeout);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException | UncheckedIOException e) {
            // a client that went away or a connection closed by the 408: nobody reads this answer
            throw timedOut(timeout);
        }
    }

    static Problem timedOut(Duration timeout) {
        return Problem.of(
                        408,
                        "Request Timeout",
                        "the request body did not arrive within " + timeout.toSeconds() + " s; send it at once")
                .with("timeoutSeconds", timeout.toSeconds());
    }
}
