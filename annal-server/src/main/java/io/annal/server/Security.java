package io.annal.server;

import java.util.Optional;
import java.util.Set;

/** Checks the secret the server needs when security is on. */
final class Security {

    private static final Set<String> DEFAULTS = Set.of("secret", "changeme", "change-me", "password", "admin", "annal");

    private Security() {}

    static String checkedSecret(Optional<String> secret) {
        if (secret.isEmpty() || secret.get().isBlank()) {
            throw new IllegalArgumentException("security is on but no secret is set: pass --security-secret (or "
                    + "ANNAL_SECURITY_SECRET), or --security off for local development");
        }
        if (secret.get().length() < 16 || DEFAULTS.contains(secret.get().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "the security secret is too weak: use at least 16 characters that are not a default value");
        }
        return secret.get();
    }
}
