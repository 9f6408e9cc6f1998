package io.annal.projection.redis;

/**
 * Annal's keys in Redis, beside the read models' own:
 *
 * <pre>
 * annal:served                        hash: projection → "generation:codeVersion"
 * annal:retired                       hash: projection → the generation served before (kept until the next switch)
 * annal:checkpoint:{p}:{g}            string: last position applied (-1: prepared, nothing yet)
 * annal:dead:{id}                     hash: one dead letter
 * annal:dead-letters:{p}              sorted set of dead-letter ids, scored by parking time
 * {p}:g{g}:{logical}                  the read model's data of generation g
 * </pre>
 */
final class Keys {

    static final String SERVED = "annal:served";
    static final String RETIRED = "annal:retired";

    private Keys() {}

    static String checkpoint(String projection, long generation) {
        return "annal:checkpoint:" + projection + ":" + generation;
    }

    static String deadLetter(String id) {
        return "annal:dead:" + id;
    }

    static String deadLetters(String projection) {
        return "annal:dead-letters:" + projection;
    }

    static String prefix(String projection, long generation) {
        return projection + ":g" + generation + ":";
    }
}
