package io.streamgate.stats.aircraft;

import java.util.regex.Pattern;

/** The airline of a callsign: its ICAO three-letter designator, when the callsign is an airline flight. */
public final class Airlines {

    /** Three letters then a digit: {@code UAL123}, {@code BAW9K}; not tail numbers like {@code N12345}, {@code HBJVC}. */
    private static final Pattern AIRLINE = Pattern.compile("^[A-Z]{3}[0-9][0-9A-Z]*$");

    private Airlines() {
    }

    /** The designator, or null when the callsign is missing or not an airline's. */
    public static String of(String callsign) {
        if (callsign == null) {
            return null;
        }
        String flight = callsign.strip().toUpperCase(java.util.Locale.ROOT);
        return AIRLINE.matcher(flight).matches() ? flight.substring(0, 3) : null;
    }
}
