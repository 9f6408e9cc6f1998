package io.annal.http;

import io.annal.store.ExpectedVersion;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading what a request says: its body within the limit, its path, query and headers. */
final class Requests {

    static final HeaderName EXPECTED_VERSION = HeaderNames.create("Expected-Version");
    static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    static final HeaderName CORRELATION_ID = HeaderNames.create("Correlation-Id");
    static final HeaderName CAUSATION_ID = HeaderNames.create("Causation-Id");
    static final HeaderName MIN_POSITION = HeaderNames.create("Min-Position");
    static final HeaderName WAIT_TIMEOUT = HeaderNames.create("Wait-Timeout");
    static final HeaderName POSITION = HeaderNames.create("Position");
    static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");

    private Requests() {}

    /**
     * The body: refused with a 415 when it is declared as something else than JSON, with a 413 as
     * soon as it is longer than {@code limit}, with a 408 when it has not all arrived within {@code
     * timeout}.
     */
    static byte[] body(ServerRequest req, long limit, Duration timeout) {
        checkContentType(req);
        Optional<String> declared = header(req, HeaderNames.CONTENT_LENGTH);
        if (declared.isPresent()) {
            try {
                if (Long.parseLong(declared.get().trim()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw Problem.badRequest("Content-Length is not a number");
            }
        }
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        return BodyReader.read(req, limit, timeout);
    }

    /** JSON, or no type, or curl's default for {@code -d} (form), whose body is taken as JSON too. */
    private static void checkContentType(ServerRequest req) {
        Optional<String> type = header(req, HeaderNames.CONTENT_TYPE);
        if (type.isEmpty()) {
            return;
        }
        String media = type.get().split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (media.isEmpty()
                || media.equals("application/json")
                || media.endsWith("+json")
                || media.equals("application/x-www-form-urlencoded")) {
            return;
        }
        throw Problem.of(
                        415,
                        "Unsupported Media Type",
                        "send the body as application/json (got '" + shorten(media) + "')")
                .with("contentType", shorten(media));
    }

    static Problem tooLarge(long limit) {
        return Problem.tooLarge("the request body is larger than the limit of " + limit + " bytes")
                .with("limit", limit);
    }

    static Optional<String> header(ServerRequest req, HeaderName name) {
        return req.headers().first(name);
    }

    static Optional<String> query(ServerRequest req, String name) {
        // not first(name): on an absent name it builds its empty answer through the mapper
        // registry, 5% of a balance query's CPU
        UriQuery query = req.query();
        return query.contains(name) ? Optional.of(query.get(name)) : Optional.empty();
    }

    static List<String> queryAll(ServerRequest req, String name) {
        return req.query().all(name, List::of);
    }

    /** The path segments after {@code prefix}, each percent-decoded as UTF-8. */
    static List<String> segmentsAfter(ServerRequest req, String prefix) {
        String raw = req.path().rawPath();
        if (!raw.startsWith(prefix)) {
            return List.of();
        }
        String rest = raw.substring(prefix.length());
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (start <= rest.length()) {
            int slash = rest.indexOf('/', start);
            int end = slash < 0 ? rest.length() : slash;
            segments.add(decode(rest.substring(start, end)));
            start = end + 1;
            if (slash < 0) {
                break;
            }
        }
        return segments;
    }

    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw Problem.badRequest("the path has an incomplete percent escape");
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw Problem.badRequest("the path has an invalid percent escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("the path is not valid UTF-8 once decoded");
        }
    }

    static ExpectedVersion expectedVersion(ServerRequest req) {
        Optional<String> value = header(req, EXPECTED_VERSION).map(String::trim);
        if (value.isEmpty() || value.get().equals("any")) {
            return ExpectedVersion.any();
        }
        return switch (value.get()) {
            case "no-stream" -> ExpectedVersion.noStream();
            case "exists" -> ExpectedVersion.exists();
            default -> ExpectedVersion.exact(exactVersion(value.get()));
        };
    }

    private static long exactVersion(String text) {
        try {
            long version = Long.parseLong(text);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.badRequest("Expected-Version must be any, no-stream, exists or a version (0 or more); got '"
                + shorten(text) + "'");
    }

    static long nonNegative(String text, String what) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.badRequest(what + " must be a non-negative integer (got '" + shorten(text) + "')");
    }

    static long longParam(ServerRequest req, String name, long whenAbsent) {
        Optional<String> value = query(req, name);
        return value.isEmpty() ? whenAbsent : nonNegative(value.get(), name);
    }

    /** {@code limit}: default 100, at least 1, values above {@code max} read {@code max}. */
    static int limit(ServerRequest req, int max) {
        Optional<String> value = query(req, "limit");
        if (value.isEmpty()) {
            return Math.min(100, max);
        }
        long limit = nonNegative(value.get(), "limit");
        if (limit < 1) {
            throw Problem.badRequest("limit must be at least 1");
        }
        return (int) Math.min(limit, max);
    }

    static boolean backward(ServerRequest req) {
        String direction = query(req, "direction").orElse("forward");
        return switch (direction) {
            case "forward" -> false;
            case "backward" -> true;
            default ->
                throw Problem.badRequest("direction must be forward or backward (got '" + shorten(direction) + "')");
        };
    }

    /** A wait such as {@code 5}, {@code 5s}, {@code 500ms} or {@code PT5S}, at most {@link ApiLimits#MAX_WAIT}. */
    static Duration duration(String text) {
        String t = text.trim();
        Duration d;
        try {
            if (t.startsWith("PT") || t.startsWith("pt")) {
                d = Duration.parse(t);
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw Problem.badRequest(
                    "Wait-Timeout must be seconds, such as 5, 5s, 500ms or PT5S (got '" + shorten(text) + "')");
        }
        if (d.isNegative()) {
            throw Problem.badRequest("Wait-Timeout must not be negative");
        }
        return d.compareTo(ApiLimits.MAX_WAIT) > 0 ? ApiLimits.MAX_WAIT : d;
    }

    static String shorten(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
