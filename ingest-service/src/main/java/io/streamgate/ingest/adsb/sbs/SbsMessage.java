package io.streamgate.ingest.adsb.sbs;

import java.time.LocalDateTime;

/**
 * One SBS-1 {@code MSG} line. Every field but type and hex may be absent (null): each transmission type
 * fills only its own fields.
 *
 * @param type         transmission type 1–8 (1 identification, 2 surface position, 3 airborne position,
 *                     4 velocity, 5 surveillance altitude, 6 surveillance squawk, 7 air-to-air, 8 all-call)
 * @param hex          ICAO address, lower case; a leading {@code ~} marks a non-ICAO address
 * @param generated    the feeder's local date and time of the message
 * @param logged       the feeder's local date and time of logging it
 * @param callsign     trimmed callsign
 * @param altitude     barometric altitude, feet
 * @param groundSpeed  knots
 * @param track        degrees
 * @param verticalRate ft/min
 * @param squawk       four octal digits
 * @param alert        squawk changed
 * @param emergency    emergency flag (BaseStation sets it for squawks 7500, 7600, 7700)
 * @param spi          ident pressed
 * @param onGround     on the ground
 */
public record SbsMessage(int type, String hex, LocalDateTime generated, LocalDateTime logged, String callsign,
        Integer altitude, Double groundSpeed, Double track, Double lat, Double lon, Integer verticalRate,
        String squawk, Boolean alert, Boolean emergency, Boolean spi, Boolean onGround) {

    /** True when the line carries a position fix. */
    public boolean hasPosition() {
        return lat != null && lon != null;
    }
}
