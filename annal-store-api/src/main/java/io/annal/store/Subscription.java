package io.annal.store;

/** A running subscription. Closing it stops delivery; it is safe to call from any thread, more than once. */
public interface Subscription extends AutoCloseable {

    /** Whether the subscription has delivered everything appended so far (it may fall behind again). */
    boolean isCaughtUp();

    /** Whether the subscription has ended. */
    boolean isClosed();

    @Override
    void close();
}
