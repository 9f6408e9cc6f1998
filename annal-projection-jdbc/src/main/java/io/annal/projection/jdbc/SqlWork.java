package io.annal.projection.jdbc;

import java.sql.Connection;

/** Work on a connection that Annal opens, and closes when the work returns. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws Exception;
}
