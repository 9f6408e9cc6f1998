package io.annal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem to answer with: thrown anywhere in a handler, written by {@link
 * ProblemResponses}. {@code extensions} are the extra members the contract names, such as {@code
 * currentVersion}.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(int status, String title, String detail) {
        super(detail, null, false, false); // no stack trace: a problem is an answer, not a bug
        this.status = status;
        this.title = title;
    }

    static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail);
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    static Problem tooLarge(String detail) {
        return new Problem(413, "Content Too Large", detail);
    }

    /** Adds an extension member; a null value is written as JSON null. */
    Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }

    Map<String, Object> extensions() {
        return extensions;
    }
}
