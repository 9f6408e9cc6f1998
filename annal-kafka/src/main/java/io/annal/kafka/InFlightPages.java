package io.annal.kafka;

import io.annal.store.Position;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The relay's pages that are sent but not yet wholly acknowledged, oldest first. Only the
 * acknowledged prefix counts: a later page acknowledged before an earlier one does not move the
 * position, so a crash never skips an event. Used by the relay's thread; the producer's callbacks
 * only count down and wake that thread.
 */
final class InFlightPages {

    private final ArrayDeque<Page> pages = new ArrayDeque<>();
    private final Thread owner;
    private Position acknowledged;

    InFlightPages(Thread owner, Position from) {
        this.owner = owner;
        this.acknowledged = from;
    }

    /** A new page whose events end just before {@code after}; {@link Page#sealed()} once all are sent. */
    Page open(Position after, int events) {
        Page page = new Page(after, events, owner);
        pages.addLast(page);
        return page;
    }

    int size() {
        return pages.size();
    }

    /** Drops the acknowledged pages at the head; returns how many events they held. */
    int drain() {
        int events = 0;
        while (!pages.isEmpty() && pages.peekFirst().done()) {
            Page page = pages.removeFirst();
            if (page.failure != null) {
                throw new SendFailedException("the broker did not acknowledge a record", page.failure);
            }
            acknowledged = page.after;
            events += page.events;
        }
        return events;
    }

    /** The position after the last event of the acknowledged prefix. */
    Position acknowledged() {
        return acknowledged;
    }

    /** One page: counts its records' acknowledgements; wakes the relay when it is done. */
    static final class Page implements Callback {

        private final Position after;
        private final int events;
        private final Thread owner;
        // one more than the records in flight until the page is sealed
        private final AtomicInteger outstanding = new AtomicInteger(1);
        private volatile Exception failure;

        private Page(Position after, int events, Thread owner) {
            this.after = after;
            this.events = events;
            this.owner = owner;
        }

        /** Called before each record is handed to the producer. */
        Callback sending() {
            outstanding.incrementAndGet();
            return this;
        }

        /** Every record of the page has been handed to the producer. */
        void sealed() {
            if (outstanding.decrementAndGet() == 0) {
                LockSupport.unpark(owner);
            }
        }

        boolean done() {
            return outstanding.get() == 0 || failure != null;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                failure = exception;
            }
            if (outstanding.decrementAndGet() == 0 || exception != null) {
                LockSupport.unpark(owner);
            }
        }
    }

    /** A page was not acknowledged: start over from the acknowledged position with a new producer. */
    static final class SendFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
