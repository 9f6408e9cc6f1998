package io.annal.store.postgres.internal;

import io.annal.store.StorageException;
import io.annal.store.spi.PageSource;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a subscription alive while PostgreSQL is unreachable: a page read that fails because the
 * connection is lost becomes an empty page that is not the end, after a short pause, so the
 * subscription tries again from where it was once the pool has reconnected. Other failures still
 * end the subscription.
 */
final class OutageTolerantPages {

    private static final System.Logger LOG = System.getLogger(OutageTolerantPages.class.getName());
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private OutageTolerantPages() {}

    static PageSource wrap(PageSource source) {
        return (after, maxCount) -> {
            try {
                return source.next(after, maxCount);
            } catch (StorageException e) {
                if (!(e.getCause() instanceof SQLException cause) || !Failures.isConnectionLoss(cause)) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "subscription read failed, retrying: {0}", cause.getMessage());
                LockSupport.parkNanos(PAUSE_NANOS);
                return new PageSource.Page(List.of(), after, false);
            }
        };
    }
}
