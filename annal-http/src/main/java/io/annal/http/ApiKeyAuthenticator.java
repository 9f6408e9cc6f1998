package io.annal.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * API keys: {@code Authorization: Bearer <key>}, or {@code Basic} with the key as the password.
 * Keys are compared in constant time.
 */
public final class ApiKeyAuthenticator implements Authenticator {

    private final Map<String, Role> keys;

    private ApiKeyAuthenticator(Map<String, Role> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** Keys and the role each grants. */
    public static ApiKeyAuthenticator of(Map<String, Role> keys) {
        return new ApiKeyAuthenticator(keys);
    }

    @Override
    public Optional<Caller> authenticate(String authorization) {
        Optional<String> presented = presented(authorization.trim());
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = presented.get().getBytes(StandardCharsets.UTF_8);
        Optional<Caller> found = Optional.empty();
        for (Map.Entry<String, Role> key : keys.entrySet()) {
            if (MessageDigest.isEqual(given, key.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = Optional.of(
                        new Caller("key-" + Integer.toHexString(key.getKey().hashCode()), key.getValue()));
            }
        }
        return found;
    }

    private static Optional<String> presented(String header) {
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).trim());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                return Optional.of(decoded.substring(decoded.indexOf(':') + 1));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
