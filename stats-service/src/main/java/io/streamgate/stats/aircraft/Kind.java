package io.streamgate.stats.aircraft;

import io.streamgate.platform.aviation.AircraftPosition;

/**
 * What kind of aircraft a hex is, as kept per day: emitter category, ICAO type designator and airline, each
 * null when unknown. Encoded {@code category|type|airline} with empty parts for unknowns.
 */
record Kind(String category, String typeCode, String airline) {

    static Kind of(AircraftPosition position) {
        return new Kind(blankToNull(position.category()), blankToNull(position.typeCode()),
                Airlines.of(position.flight()));
    }

    String encode() {
        return nullToEmpty(category) + "|" + nullToEmpty(typeCode) + "|" + nullToEmpty(airline);
    }

    static Kind decode(String value) {
        String[] parts = (value == null ? "" : value).split("\\|", -1);
        return new Kind(part(parts, 0), part(parts, 1), part(parts, 2));
    }

    private static String part(String[] parts, int i) {
        return i < parts.length ? blankToNull(parts[i]) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
