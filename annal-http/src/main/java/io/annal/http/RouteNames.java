package io.annal.http;

/** The route template of a path, so that metrics have a few labels and not one per stream. */
final class RouteNames {

    private RouteNames() {}

    static String of(String path) {
        String[] s = path.split("/", -1);
        if (s.length < 2) {
            return "other";
        }
        return switch (s[1]) {
            case "streams" ->
                s.length <= 3
                        ? "/streams/{stream}"
                        : s[3].equals("metadata") ? "/streams/{stream}/metadata" : "/streams/{stream}/{version}";
            case "all" -> "/all";
            case "subscribe" -> s.length > 2 && s[2].equals("all") ? "/subscribe/all" : "/subscribe/streams/{stream}";
            case "commands" -> s.length > 2 ? "/commands/" + known(s[2]) : "/commands";
            case "queries" ->
                s.length > 3 ? "/queries/" + known(s[2]) + "/{key}" : "/queries/" + (s.length > 2 ? known(s[2]) : "");
            case "health", "metrics", "admin" -> s.length > 2 ? "/" + s[1] + "/" + known(s[2]) : "/" + s[1];
            default -> "other";
        };
    }

    /** A name segment, or a placeholder when it looks like anything a client could make up. */
    private static String known(String segment) {
        return segment.length() <= 32 && segment.matches("[a-z-]+") ? segment : "{other}";
    }

    /** The methods a routed path answers, for a 405's {@code Allow}; empty when no route has it. */
    static java.util.Optional<String> allowed(String path) {
        String method = switch (path) {
            case "/all", "/subscribe/all", "/health/live", "/health/ready", "/metrics" -> "GET";
            default ->
                path.startsWith("/subscribe/streams/") || path.startsWith("/queries/")
                        ? "GET"
                        : path.startsWith("/commands/") ? "POST" : "";
        };
        return method.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(method);
    }
}
