package io.annal.projection;

/** The error family of projections: unknown names or dead letters, and retries that failed again. */
public final class ProjectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProjectionException(String message) {
        super(message);
    }

    public ProjectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
