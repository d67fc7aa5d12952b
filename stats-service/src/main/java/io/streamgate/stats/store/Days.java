package io.streamgate.stats.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.streamgate.stats.StatsConfig;

/** UTC days and hours, and how long day-keyed state is kept. */
public final class Days {

    private Days() {
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    public static String hour(Instant at) {
        return String.format("%02d", at.atZone(ZoneOffset.UTC).getHour());
    }

    /** Day and hour counters outlive the reporting window by a day, so the oldest day is still whole. */
    public static Duration ttl(StatsConfig config) {
        return Duration.ofDays(config.days() + 1L);
    }
}
