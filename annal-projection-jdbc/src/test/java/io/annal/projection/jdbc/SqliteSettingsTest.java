package io.annal.projection.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every SQLite connection of the read models is set up with. */
class SqliteSettingsTest {

    @Test
    void connections_use_the_wal_sync_normally_and_checkpoint_small(@TempDir Path dir) throws Exception {
        try (Connection c = JdbcReadModels.sqliteDataSource(dir.resolve("models.db"))
                        .getConnection();
                Statement st = c.createStatement()) {
            assertThat(pragma(st, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(st, "synchronous")).isEqualTo("1"); // NORMAL: no sync per commit
            assertThat(pragma(st, "wal_autocheckpoint")).isEqualTo("200");
        }
    }

    private static String pragma(Statement st, String name) throws Exception {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
