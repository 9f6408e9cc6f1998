package io.annal.store.tck;

import java.security.SecureRandom;

/**
 * The seed of a randomized test: {@code -Dannal.tck.seed=N} replays a run, otherwise a fresh one.
 * Every randomized test prints its seed so that a failure can be replayed.
 */
final class Seeds {

    static final String PROPERTY = "annal.tck.seed";

    private Seeds() {}

    static long seed(String test) {
        String fixed = System.getProperty(PROPERTY);
        long seed = fixed == null ? new SecureRandom().nextLong() : Long.parseLong(fixed);
        System.out.println(test + ": seed " + seed + " (replay with -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }
}
