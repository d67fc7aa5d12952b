package io.streamgate.platform.aviation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One normalised aircraft report, as written to {@code aircraft.positions} (key: {@link #hex()}).
 * Field names follow the readsb / SkySpy wire spelling so that the gateway renders it without renaming.
 *
 * @param hex          ICAO 24-bit address, lower-case hex; a leading {@code ~} marks a non-ICAO address
 * @param flight       callsign with the receiver's space padding removed, or null
 * @param lat          latitude, degrees
 * @param lon          longitude, degrees
 * @param altBaro      barometric altitude in feet, null when unknown or on the ground
 * @param onGround     true when the receiver reported {@code alt_baro: "ground"}
 * @param altGeom      geometric (GNSS) altitude in feet
 * @param groundSpeed  ground speed, knots
 * @param track        true track over ground, degrees
 * @param baroRate     barometric vertical rate, ft/min
 * @param geomRate     geometric vertical rate, ft/min
 * @param squawk       Mode A code as four octal digits
 * @param emergency    ADS-B emergency status ({@code none, general, lifeguard, minfuel, nordo, unlawful, downed})
 * @param category     emitter category A0–D7
 * @param military     true when the receiver's database flags the airframe as military
 * @param registration tail number, when the receiver knows it
 * @param typeCode     ICAO aircraft type designator, when the receiver knows it
 * @param rssi         signal strength, dBFS
 * @param seenPos      seconds between the position fix and the receiver's snapshot
 * @param stale        true when {@code seenPos} was over ingest's staleness limit (15 s by default): the
 *                     receiver still lists the aircraft but has not fixed it lately, so the position must not
 *                     drive proximity or conflict checks
 * @param timestamp    when the position was fixed (receiver time minus {@code seen_pos})
 */
public record AircraftPosition(
        @JsonProperty("hex") String hex,
        @JsonProperty("flight") String flight,
        @JsonProperty("lat") double lat,
        @JsonProperty("lon") double lon,
        @JsonProperty("alt_baro") Integer altBaro,
        @JsonProperty("on_ground") boolean onGround,
        @JsonProperty("alt_geom") Integer altGeom,
        @JsonProperty("gs") Double groundSpeed,
        @JsonProperty("track") Double track,
        @JsonProperty("baro_rate") Integer baroRate,
        @JsonProperty("geom_rate") Integer geomRate,
        @JsonProperty("squawk") String squawk,
        @JsonProperty("emergency") String emergency,
        @JsonProperty("category") String category,
        @JsonProperty("is_military") boolean military,
        @JsonProperty("registration") String registration,
        @JsonProperty("type_code") String typeCode,
        @JsonProperty("rssi") Double rssi,
        @JsonProperty("seen_pos") Double seenPos,
        @JsonProperty("stale") boolean stale,
        @JsonProperty("timestamp") Instant timestamp) {

    public AircraftPosition {
        if (hex == null || hex.isBlank()) {
            throw new IllegalArgumentException("an aircraft position needs a hex address");
        }
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("position out of range: " + lat + "," + lon);
        }
    }

    /** True for TIS-B / ADS-R and other non-ICAO addresses. */
    public boolean nonIcao() {
        return hex.startsWith("~");
    }
}
