package io.annal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonInstantTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void writesWhatTheFormatterWrites() {
        long seed = System.nanoTime();
        System.out.println("JsonInstantTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long min = Instant.parse("-0050-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(min, max), random.nextInt(1_000_000_000));
            assertThat(Json.instant(instant)).as("seed %d, %s", seed, instant).isEqualTo(REFERENCE.format(instant));
        }
    }

    @Test
    void edges() {
        for (String text : new String[] {
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999999Z",
            "0000-01-01T00:00:00.001Z",
            "9999-12-31T23:59:59.999Z",
            "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z"
        }) {
            Instant instant = Instant.parse(text);
            assertThat(Json.instant(instant)).as(text).isEqualTo(REFERENCE.format(instant));
        }
        assertThat(Json.instant(Instant.parse("2026-11-23T06:33:01.042Z"))).isEqualTo("2026-11-23T06:33:01.042Z");
    }
}
