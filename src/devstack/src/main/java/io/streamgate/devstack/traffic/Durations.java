package io.streamgate.devstack.traffic;

import java.time.Duration;

/** Durations for people: {@code 250ms}, {@code 45s}, {@code 5m}, {@code 1h 42m}. */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(text.length() > 0 ? " " : "").append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0 || seconds == 0) {
            text.append(text.length() > 0 ? " " : "").append(seconds % 60).append('s');
        }
        return text.toString();
    }

    static void requirePositive(Duration duration, String setting) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("streamgate.traffic." + setting + " must be a positive duration");
        }
    }
}
