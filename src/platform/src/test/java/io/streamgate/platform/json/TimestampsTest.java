package io.streamgate.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    @Test
    void readsExactlyWhatInstantParseReads() {
        for (String text : new String[] {"2026-11-23T15:20:00Z", "2026-11-23T15:20:00.1Z", "2026-11-23T15:20:00.123456789Z",
                "2024-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
                "2026-11-23T15:20:00+01:00", "2026-12-31T23:59:60Z"}) {
            assertEquals(Instant.parse(text), Timestamps.parse(text), text);
        }
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "0123456789-:.TZtz+ ";
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            if (random.nextInt(3) == 0) {
                // Wrong in one place: a date that does not exist, a stray character, a cut fraction.
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                text = random.nextInt(5) == 0 ? new String(chars, 0, random.nextInt(chars.length)) : new String(chars);
            }
            assertSameOutcome(text);
        }
    }

    private static void assertSameOutcome(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            DateTimeParseException thrown = assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text), text);
            assertEquals(refused.getMessage(), thrown.getMessage(), text);
            return;
        }
        assertEquals(expected, Timestamps.parse(text), text);
    }
}
