package io.annal.store;

/**
 * Where a subscription begins: at the very start, just after a known point (a position for
 * {@code $all}, a version for a stream), or at the end (live events only).
 */
public sealed interface SubscriptionStart {

    static SubscriptionStart fromStart() {
        return FromStart.INSTANCE;
    }

    /** Just after {@code point}: the events after the last one a subscriber processed. */
    static SubscriptionStart after(long point) {
        return new After(point);
    }

    static SubscriptionStart fromEnd() {
        return FromEnd.INSTANCE;
    }

    enum FromStart implements SubscriptionStart {
        INSTANCE
    }

    enum FromEnd implements SubscriptionStart {
        INSTANCE
    }

    record After(long point) implements SubscriptionStart {
        public After {
            if (point < 0) {
                throw new IllegalArgumentException("a subscription starts after 0 or more (got " + point + ")");
            }
        }
    }
}
