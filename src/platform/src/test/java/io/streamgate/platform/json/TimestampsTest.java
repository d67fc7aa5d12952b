package io.streamgate.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void writesExactlyWhatInstantToStringWrites() {
        for (String text : new String[] {"2026-11-23T15:20:00Z", "2026-11-23T15:20:00.100Z", "2026-11-23T15:20:00.120Z",
                "2026-11-23T15:20:00.000001Z", "2026-11-23T15:20:00.000000001Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"}) {
            Instant instant = Instant.parse(text);
            assertEquals(instant.toString(), Timestamps.iso(instant), text);
        }
        SplittableRandom random = new SplittableRandom(42);
        Instant previous = Instant.parse("2026-11-23T00:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            // Runs within one second (the cached prefix) and jumps across seconds, days and years.
            Instant instant = random.nextInt(4) == 0
                    ? Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000))
                    : previous.plusNanos(random.nextInt(3) == 0 ? random.nextInt(1000) * 1_000_000L : random.nextInt(100_000));
            assertEquals(instant.toString(), Timestamps.iso(instant));
            previous = instant;
        }
    }
}
