package io.streamgate.platform.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()}, character for character, at a fraction of its cost: every record ingest
 * writes carries two or three instants (the {@code ce_time} header, the payload's timestamps), and
 * {@code DateTimeFormatter} was a tenth of ingest's CPU. The date-and-time part changes once a second,
 * so each thread keeps the last one it wrote and only appends the fraction.
 */
public final class Timestamps {

    /** Years 0 to 9999 print as four digits; others take {@link Instant#toString()}'s longer forms. */
    private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long END_SECOND = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private static final ThreadLocal<SecondCache> LAST = ThreadLocal.withInitial(SecondCache::new);

    private Timestamps() {
    }

    public static String iso(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < FIRST_SECOND || second >= END_SECOND) {
            return instant.toString();
        }
        SecondCache cache = LAST.get();
        if (cache.second != second || cache.prefix == null) {
            String full = Instant.ofEpochSecond(second).toString(); // "yyyy-MM-ddTHH:mm:ssZ"
            cache.prefix = full.substring(0, full.length() - 1);
            cache.second = second;
        }
        int nanos = instant.getNano();
        if (nanos == 0) {
            return cache.prefix + 'Z';
        }
        StringBuilder text = new StringBuilder(cache.prefix.length() + 11).append(cache.prefix).append('.');
        if (nanos % 1_000_000 == 0) {
            digits(text, nanos / 1_000_000, 3);
        } else if (nanos % 1_000 == 0) {
            digits(text, nanos / 1_000, 6);
        } else {
            digits(text, nanos, 9);
        }
        return text.append('Z').toString();
    }

    private static void digits(StringBuilder text, int value, int width) {
        String number = Integer.toString(value);
        for (int pad = width - number.length(); pad > 0; pad--) {
            text.append('0');
        }
        text.append(number);
    }

    private static final class SecondCache {
        long second;
        String prefix;
    }
}
