package io.annal.store.embedded.internal.log;

import java.io.IOException;

/**
 * A test hook into the write path: it may throw (an I/O failure), halt the process (a crash) or
 * replace a segment's channel (a full or failing disk). Production uses {@link #NONE}.
 */
public interface FaultInjector {

    FaultInjector NONE = new FaultInjector() {};

    default void reached(FaultPoint point) throws IOException {}

    default SegmentChannel wrap(SegmentChannel channel) {
        return channel;
    }
}
