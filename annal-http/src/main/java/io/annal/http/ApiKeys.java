package io.annal.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Security by API key: {@code Authorization: Bearer <key>}, or {@code Basic} with the key as the
 * password. Health checks stay open so that orchestrators can probe without a key.
 */
final class ApiKeys {

    private final byte[] key;

    ApiKeys(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().rawPath().startsWith("/health/") || allowed(req.headers().first(HeaderNames.AUTHORIZATION))) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"annal\"");
        ProblemResponses.send(
                res,
                Problem.of(
                        401,
                        "Unauthorized",
                        "send Authorization: Bearer <api key> (or Basic with the key as password)"));
    }

    private boolean allowed(Optional<String> header) {
        if (header.isEmpty()) {
            return false;
        }
        String value = header.get().trim();
        byte[] presented;
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = value.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        } else if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded =
                        new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
                presented = decoded.substring(decoded.indexOf(':') + 1).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
        } else {
            return false;
        }
        return MessageDigest.isEqual(presented, key);
    }
}
