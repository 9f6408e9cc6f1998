package io.annal.http;

/** The route template of a path, so that metrics have a few labels and not one per stream. */
final class RouteNames {

    private RouteNames() {}

    static String of(String path) {
        // Indexing instead of split and a regex: this runs for every request.
        if (path.isEmpty() || path.charAt(0) != '/') {
            return "other";
        }
        String first = segment(path, 1);
        int afterFirst = 1 + first.length();
        boolean more = afterFirst < path.length();
        String second = more ? segment(path, afterFirst + 1) : "";
        int afterSecond = afterFirst + 1 + second.length();
        boolean third = more && afterSecond < path.length();
        return switch (first) {
            case "streams" ->
                !third
                        ? "/streams/{stream}"
                        : segment(path, afterSecond + 1).equals("metadata")
                                ? "/streams/{stream}/metadata"
                                : "/streams/{stream}/{version}";
            case "all" -> "/all";
            case "subscribe" -> more && second.equals("all") ? "/subscribe/all" : "/subscribe/streams/{stream}";
            case "commands" -> more ? "/commands/" + known(second) : "/commands";
            case "queries" ->
                third ? "/queries/" + known(second) + "/{key}" : "/queries/" + (more ? known(second) : "");
            case "health", "metrics", "admin" -> more ? "/" + first + "/" + known(second) : "/" + first;
            default -> "other";
        };
    }

    /** The path's text from {@code from} up to the next slash or the end. */
    private static String segment(String path, int from) {
        int slash = path.indexOf('/', from);
        return path.substring(from, slash < 0 ? path.length() : slash);
    }

    /** A name segment, or a placeholder when it looks like anything a client could make up. */
    private static String known(String segment) {
        if (segment.isEmpty() || segment.length() > 32) {
            return "{other}";
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if ((c < 'a' || c > 'z') && c != '-') {
                return "{other}";
            }
        }
        return segment;
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
