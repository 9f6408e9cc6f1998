package io.annal.server;

import io.annal.http.ApiKeyAuthenticator;
import io.annal.http.Authenticator;
import io.annal.http.JwtAuthenticator;
import io.annal.http.Role;
import io.annal.http.StreamRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the authenticator when security is on, from API keys ({@code --api-keys
 * key:role,key:role}), an HS256 secret ({@code --security-secret}) and an RS256 public key
 * ({@code --jwt-public-key file.pem}). Refuses to start with none of them, or with an empty,
 * short or default secret or key.
 */
final class Security {

    private static final Set<String> DEFAULTS =
            Set.of("secret", "changeme", "change-me", "password", "admin", "annal", "default");
    private static final int MIN_LENGTH = 16;

    private Security() {}

    static Authenticator authenticator(ServerOptions options) {
        List<Authenticator> authenticators = new ArrayList<>();
        options.apiKeys().ifPresent(keys -> authenticators.add(ApiKeyAuthenticator.of(apiKeys(keys))));
        options.securitySecret()
                .ifPresent(secret -> authenticators.add(JwtAuthenticator.hs256(
                        checkedSecret(Optional.of(secret)).getBytes(StandardCharsets.UTF_8), InstantSource.system())));
        options.jwtPublicKey().ifPresent(file -> authenticators.add(rs256(Path.of(file))));
        if (authenticators.isEmpty()) {
            throw new IllegalArgumentException("security is on but no credentials are configured: set --api-keys "
                    + "(key:role,…), --security-secret (HS256) or --jwt-public-key (RS256), or --security off for "
                    + "local development");
        }
        return Authenticator.anyOf(authenticators);
    }

    /** The {@code --stream-rules}; refused without security, where nobody is known to apply them to. */
    static StreamRules streamRules(ServerOptions options) {
        if (options.streamRules().isEmpty()) {
            return StreamRules.none();
        }
        if (!options.security()) {
            throw new IllegalArgumentException("--stream-rules needs --security on: without it no caller is known");
        }
        return StreamRules.parse(options.streamRules().get());
    }

    static String checkedSecret(Optional<String> secret) {
        if (secret.isEmpty() || secret.get().isBlank()) {
            throw new IllegalArgumentException("security is on but the secret is empty");
        }
        if (secret.get().length() < MIN_LENGTH || DEFAULTS.contains(secret.get().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a security secret or key is too weak: use at least " + MIN_LENGTH
                    + " characters that are not a default value");
        }
        return secret.get();
    }

    private static Map<String, Role> apiKeys(String spec) {
        Map<String, Role> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--api-keys entries look like key:role (reader, writer or admin)");
            }
            String role = entry.substring(colon + 1);
            keys.put(
                    checkedSecret(Optional.of(entry.substring(0, colon).trim())),
                    Role.parse(role)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "unknown role '" + role + "'; use reader, writer or admin")));
        }
        return keys;
    }

    private static Authenticator rs256(Path pem) {
        try {
            return JwtAuthenticator.rs256(JwtAuthenticator.rsaPublicKey(Files.readString(pem)), InstantSource.system());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the RS256 public key " + pem + ": " + e.getMessage(), e);
        }
    }
}
