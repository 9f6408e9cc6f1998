package io.annal.store.embedded.internal.log;

import static io.annal.store.embedded.internal.log.LogFormat.*;

import io.annal.store.EventData;
import io.annal.store.StreamMetadata;
import io.annal.store.StreamName;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Encodes records into frames and decodes them back, checking the CRC32C. Body layouts:
 *
 * <pre>
 * event      = stream | version u64 | recorded-at seconds u64 | nanos u32 | id msb u64 | lsb u64
 *              | type | data (u32 length + bytes) | metadata (u32 length + bytes)
 * metadata   = stream | hidden-before u64 | max count u64 | max age seconds u64 | nanos u32
 *              | truncate-before u64 | custom (u32 length + bytes)      (-1 means "none")
 * delete     = the same as metadata
 * tombstone  = stream
 * strings    = u16 length + UTF-8 bytes
 * </pre>
 */
public final class RecordCodec {

    private static final byte[] EMPTY = new byte[0];

    /** An event's version (8), recorded-at seconds and nanos (12) and id (16), between stream and type. */
    private static final int EVENT_FIELDS_BEFORE_TYPE = 8 + 12 + 16;

    private RecordCodec() {}

    public static int eventBodySize(byte[] stream, byte[] type, EventData event) {
        return 2
                + stream.length
                + EVENT_FIELDS_BEFORE_TYPE
                + 2
                + type.length
                + 4
                + event.data().length
                + 4
                + event.metadata().length;
    }

    /** Writes one event frame at the buffer's position, which must have room for it. */
    public static void putEvent(
            ByteBuffer out,
            byte[] stream,
            long version,
            Instant recordedAt,
            EventData event,
            byte[] type,
            long durableBefore,
            boolean commitEnd) {
        int start = out.position();
        int body = eventBodySize(stream, type, event);
        putHeader(out, body, KIND_EVENT, commitEnd, durableBefore);
        putString(out, stream);
        out.putLong(version);
        out.putLong(recordedAt.getEpochSecond());
        out.putInt(recordedAt.getNano());
        out.putLong(event.id().getMostSignificantBits());
        out.putLong(event.id().getLeastSignificantBits());
        putString(out, type);
        out.putInt(event.data().length).put(event.data());
        out.putInt(event.metadata().length).put(event.metadata());
        finish(out, start, body);
    }

    public static int metadataBodySize(byte[] stream, StreamMetadata metadata) {
        return 2 + stream.length + 8 + 8 + 12 + 8 + 4 + metadata.custom().length;
    }

    public static void putMetadata(
            ByteBuffer out,
            byte[] stream,
            StreamMetadata metadata,
            boolean delete,
            long hiddenBefore,
            long durableBefore) {
        int start = out.position();
        int body = metadataBodySize(stream, metadata);
        putHeader(out, body, delete ? KIND_DELETE : KIND_METADATA, true, durableBefore);
        putString(out, stream);
        out.putLong(hiddenBefore);
        out.putLong(metadata.maxCount().orElse(-1));
        out.putLong(metadata.maxAge().map(Duration::getSeconds).orElse(-1L));
        out.putInt(metadata.maxAge().map(Duration::getNano).orElse(0));
        out.putLong(metadata.truncateBefore().orElse(-1));
        out.putInt(metadata.custom().length).put(metadata.custom());
        finish(out, start, body);
    }

    public static int tombstoneBodySize(byte[] stream) {
        return 2 + stream.length;
    }

    public static void putTombstone(ByteBuffer out, byte[] stream, long durableBefore) {
        int start = out.position();
        int body = tombstoneBodySize(stream);
        putHeader(out, body, KIND_TOMBSTONE, true, durableBefore);
        putString(out, stream);
        finish(out, start, body);
    }

    private static void putHeader(ByteBuffer out, int body, byte kind, boolean commitEnd, long durableBefore) {
        out.putInt(body).putInt(0);
        out.put(RECORD_VERSION).put(kind).put(commitEnd ? FLAG_COMMIT_END : 0);
        out.put((byte) 0).putInt(0);
        out.putLong(durableBefore);
    }

    private static void putString(ByteBuffer out, byte[] utf8) {
        out.putShort((short) utf8.length).put(utf8);
    }

    private static void finish(ByteBuffer out, int start, int body) {
        int end = start + FRAME_HEADER_SIZE + body;
        out.putInt(start + FRAME_CRC_OFFSET, crcInPlace(out, start, body));
        int padded = start + frameSize(body);
        while (out.position() < padded) {
            out.put((byte) 0);
        }
        assert out.position() == padded && end <= padded;
    }

    /**
     * {@link #crcOf} on a buffer only the caller uses, without a slice per frame (a tenth of the
     * appender's samples): its position and limit are moved and put back.
     */
    private static int crcInPlace(ByteBuffer out, int start, int body) {
        int position = out.position();
        int limit = out.limit();
        CRC32C crc = new CRC32C();
        crc.update(body >>> 24);
        crc.update(body >>> 16);
        crc.update(body >>> 8);
        crc.update(body);
        crc.update(out.limit(start + FRAME_HEADER_SIZE + body).position(start + FRAME_CRC_FROM));
        out.limit(limit).position(position);
        return (int) crc.getValue();
    }

    /** The CRC32C of a frame starting at {@code start} with a body of {@code body} bytes. */
    public static int crcOf(ByteBuffer frames, int start, int body) {
        CRC32C crc = new CRC32C();
        crc.update(body >>> 24);
        crc.update(body >>> 16);
        crc.update(body >>> 8);
        crc.update(body);
        crc.update(frames.slice(start + FRAME_CRC_FROM, FRAME_HEADER_SIZE - FRAME_CRC_FROM + body));
        return (int) crc.getValue();
    }

    /**
     * Decodes the frame at {@code offset} of {@code segment}, whose first byte has global position
     * {@code position}; {@code names} turns the stored name into a stream name. Without {@code
     * payload}, an event's data and metadata are left empty (enough to rebuild indexes). The caller
     * has checked the CRC. {@code cache} spares decoding names and types seen before.
     */
    public static LogRecord decode(
            ByteBuffer segment,
            int offset,
            long position,
            Function<String, StreamName> names,
            NameCache cache,
            boolean payload) {
        byte kind = segment.get(offset + FRAME_KIND_OFFSET);
        ByteBuffer in = segment.slice(offset + FRAME_HEADER_SIZE, segment.getInt(offset));
        StreamName stream = cache.stream(in, names);
        return switch (kind) {
            case KIND_EVENT -> decodeEvent(in, position, stream, cache, payload);
            case KIND_METADATA, KIND_DELETE -> decodeMetadata(in, position, stream, kind == KIND_DELETE);
            case KIND_TOMBSTONE -> new LogRecord.Tombstone(position, stream);
            default -> throw new IllegalStateException("unknown record kind " + kind + " at position " + position);
        };
    }

    /**
     * Whether {@code filter} refuses the frame at {@code offset}, judged from its stream name and
     * type bytes without decoding the event; frames other than events are never refused. The
     * caller has checked the CRC.
     */
    static boolean refuses(ByteBuffer segment, int offset, RecordFilter filter, NameCache cache) {
        if (segment.get(offset + FRAME_KIND_OFFSET) != KIND_EVENT) {
            return false;
        }
        ByteBuffer in = segment.slice(offset + FRAME_HEADER_SIZE, segment.getInt(offset));
        int streamLength = Short.toUnsignedInt(in.getShort(0));
        return filter.refuses(in, Short.BYTES + streamLength + EVENT_FIELDS_BEFORE_TYPE, cache);
    }

    private static LogRecord.Event decodeEvent(
            ByteBuffer in, long position, StreamName stream, NameCache cache, boolean payload) {
        long version = in.getLong();
        Instant recordedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
        UUID id = new UUID(in.getLong(), in.getLong());
        if (!payload) {
            return new LogRecord.Event(position, stream, version, id, "", EMPTY, EMPTY, recordedAt);
        }
        String type = cache.type(in);
        byte[] data = getBytes(in);
        byte[] metadata = getBytes(in);
        return new LogRecord.Event(position, stream, version, id, type, data, metadata, recordedAt);
    }

    private static LogRecord.Metadata decodeMetadata(ByteBuffer in, long position, StreamName stream, boolean delete) {
        long hiddenBefore = in.getLong();
        long maxCount = in.getLong();
        long maxAgeSeconds = in.getLong();
        int maxAgeNanos = in.getInt();
        long truncateBefore = in.getLong();
        byte[] custom = getBytes(in);
        StreamMetadata metadata = new StreamMetadata(
                maxCount < 0 ? OptionalLong.empty() : OptionalLong.of(maxCount),
                maxAgeSeconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(maxAgeSeconds, maxAgeNanos)),
                truncateBefore < 0 ? OptionalLong.empty() : OptionalLong.of(truncateBefore),
                custom);
        return new LogRecord.Metadata(position, stream, metadata, delete, hiddenBefore);
    }

    private static byte[] getBytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }
}
