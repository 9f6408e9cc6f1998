package io.annal.http;

import java.util.Optional;

/** Checks the credentials of a request's {@code Authorization} header. */
@FunctionalInterface
public interface Authenticator {

    /** The caller the header proves, empty when it proves nobody (missing, malformed, expired, forged). */
    Optional<Caller> authenticate(String authorization);

    /** Tries each in turn. */
    static Authenticator anyOf(java.util.List<Authenticator> authenticators) {
        return header -> {
            for (Authenticator a : authenticators) {
                Optional<Caller> caller = a.authenticate(header);
                if (caller.isPresent()) {
                    return caller;
                }
            }
            return Optional.empty();
        };
    }
}
