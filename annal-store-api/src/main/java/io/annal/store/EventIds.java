package io.annal.store;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New event ids: time-ordered version 7 UUIDs (RFC 9562), 48 bits of Unix milliseconds then 74
 * random bits.
 *
 * <p>{@link UUID#randomUUID()} draws from one shared secure generator, whose lock every request
 * thread then queues on. Ids must be unique, not unguessable, so the random bits come from the
 * caller's thread-local generator. Its state is 64 bits, which alone would make two ids collide
 * within a few billion; the millisecond prefix means only ids made in the same millisecond can
 * collide at all. Ids that rise with time also keep B-tree indexes on event ids (PostgreSQL's
 * unique index) appending at their right edge instead of splitting pages at random.
 */
public final class EventIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long IETF_VARIANT = 0x8000_0000_0000_0000L;

    private EventIds() {}

    /** A new id, unique with overwhelming probability. */
    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = System.currentTimeMillis() << 16 | VERSION_7 | (random.nextInt() & 0x0FFF);
        long low = IETF_VARIANT | (random.nextLong() >>> 2);
        return new UUID(high, low);
    }
}
