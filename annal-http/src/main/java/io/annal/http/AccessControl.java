package io.annal.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;

/**
 * Who may do what when security is on: health checks are open; the admin endpoints need an
 * admin; reads need a reader; everything else (appends, deletes, commands) a writer. Missing or
 * invalid credentials answer 401, a role too weak 403, and so does a stream that {@link
 * StreamRules} keep from the caller.
 */
final class AccessControl {

    private final Authenticator authenticator;
    private final StreamRules rules;

    AccessControl(Authenticator authenticator, StreamRules rules) {
        this.authenticator = authenticator;
        this.rules = rules;
    }

    void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().rawPath();
        if (path.startsWith("/health/")) {
            chain.proceed();
            return;
        }
        Optional<Caller> caller = req.headers().first(HeaderNames.AUTHORIZATION).flatMap(authenticator::authenticate);
        if (caller.isEmpty()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"annal\"");
            ProblemResponses.send(
                    res,
                    Problem.of(
                            401,
                            "Unauthorized",
                            "send Authorization: Bearer <token or API key> (or Basic with the key"
                                    + " as the password)"));
            return;
        }
        Role needed = needed(req.prologue().method(), path);
        if (!caller.get().role().includes(needed)) {
            ProblemResponses.send(
                    res,
                    Problem.of(
                                    403,
                                    "Forbidden",
                                    "this needs the " + needed.name().toLowerCase(java.util.Locale.ROOT) + " role")
                            .with("role", caller.get().role().name().toLowerCase(java.util.Locale.ROOT)));
            return;
        }
        Optional<String> refused;
        try {
            refused = refusedStream(caller.get(), req, path, needed == Role.WRITER);
        } catch (Problem p) {
            ProblemResponses.send(res, p);
            return;
        }
        if (refused.isPresent()) {
            ProblemResponses.send(
                    res,
                    Problem.of(403, "Forbidden", "no stream rule lets this caller " + refused.get())
                            .with("role", caller.get().role().name().toLowerCase(java.util.Locale.ROOT)));
            return;
        }
        req.context().register(Caller.class, caller.get());
        chain.proceed();
    }

    /** What the stream rules refuse this request, if anything; commands and queries: {@link StreamGuard}. */
    private Optional<String> refusedStream(Caller caller, RoutingRequest req, String path, boolean write) {
        if (!rules.active()) {
            return Optional.empty();
        }
        for (String prefix : java.util.List.of("/streams/", "/subscribe/streams/")) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                int slash = rest.indexOf('/');
                String stream = Requests.decode(slash < 0 ? rest : rest.substring(0, slash));
                return rules.allows(caller, stream, write)
                        ? Optional.empty()
                        : Optional.of((write ? "write" : "read") + " stream '" + Requests.shorten(stream) + "'");
            }
        }
        if (path.equals("/all") || path.equals("/subscribe/all")) {
            return rules.allowsPrefixes(caller, req.query().all("prefix", java.util.List::of))
                    ? Optional.empty()
                    : Optional.of("read every stream: name with prefix=… only the prefixes its rules allow");
        }
        return Optional.empty();
    }

    static Role needed(Method method, String path) {
        if (path.startsWith("/admin/")) {
            return Role.ADMIN;
        }
        if (method == Method.GET || method == Method.HEAD) {
            return Role.READER;
        }
        return Role.WRITER;
    }
}
