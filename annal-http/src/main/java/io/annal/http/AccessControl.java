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
 * invalid credentials answer 401, a role too weak 403.
 */
final class AccessControl {

    private final Authenticator authenticator;

    AccessControl(Authenticator authenticator) {
        this.authenticator = authenticator;
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
        req.context().register(Caller.class, caller.get());
        chain.proceed();
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
