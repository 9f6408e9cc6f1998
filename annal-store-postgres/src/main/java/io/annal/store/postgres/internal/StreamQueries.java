package io.annal.store.postgres.internal;

import io.annal.store.StreamDeletedException;
import io.annal.store.StreamInfo;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import io.annal.store.StreamState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Stream metadata, summaries and listings: read-only questions about the streams table. */
public final class StreamQueries {

    private static final String METADATA =
            "SELECT state, max_count, max_age, truncate_before, custom FROM streams WHERE name = ?";
    private static final String INFO =
            "SELECT name, state, last_version, last_write FROM streams WHERE name = ? AND state IS NOT NULL";
    private static final String LIST = "SELECT name, state, last_version, last_write FROM streams"
            + " WHERE state IS NOT NULL AND starts_with(name, ?) AND sort_key > ? ORDER BY sort_key LIMIT ?";
    private static final String LIST_FROM_START = "SELECT name, state, last_version, last_write FROM streams"
            + " WHERE state IS NOT NULL AND starts_with(name, ?) ORDER BY sort_key LIMIT ?";

    private final Database db;

    public StreamQueries(Database db) {
        this.db = db;
    }

    public StreamMetadata metadata(StreamName stream) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(METADATA)) {
            ps.setString(1, stream.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return StreamMetadata.none();
                }
                if ("TOMBSTONED".equals(rs.getString(1))) {
                    throw new StreamDeletedException(stream);
                }
                long maxCount = rs.getLong(2);
                OptionalLong count = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(maxCount);
                Optional<Duration> age = Optional.ofNullable(rs.getString(3)).map(Duration::parse);
                long truncate = rs.getLong(4);
                OptionalLong before = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(truncate);
                return new StreamMetadata(count, age, before, rs.getBytes(5));
            }
        } catch (SQLException e) {
            throw Failures.storage("reading the metadata of stream '" + stream + "'", e);
        }
    }

    public Optional<StreamInfo> info(StreamName stream) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(INFO)) {
            ps.setString(1, stream.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(info(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Failures.storage("reading the info of stream '" + stream + "'", e);
        }
    }

    public List<StreamInfo> list(String prefix, Optional<StreamName> after, int limit) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(after.isPresent() ? LIST : LIST_FROM_START)) {
            int index = 1;
            ps.setString(index++, prefix);
            if (after.isPresent()) {
                ps.setBytes(index++, SortKeys.of(after.get()));
            }
            ps.setInt(index, limit);
            List<StreamInfo> infos = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    infos.add(info(rs));
                }
            }
            return infos;
        } catch (SQLException e) {
            throw Failures.storage("listing streams", e);
        }
    }

    private static StreamInfo info(ResultSet rs) throws SQLException {
        StreamName name = new StreamName(rs.getString(1));
        StreamState state = StreamState.valueOf(rs.getString(2));
        long last = rs.getLong(3);
        OptionalLong lastVersion = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(last);
        Instant lastWrite = EventRows.instant(rs, 4);
        return new StreamInfo(name, state, lastVersion, Optional.ofNullable(lastWrite));
    }
}
