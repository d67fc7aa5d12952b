package io.streamgate.platform.aviation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ACAS (TCAS II) resolution advisory as the aircraft itself reported it, decoded from the raw Mode S
 * stream: a BDS 3,0 register in a DF16 / DF20 / DF21 reply, or an ADS-B TC28 subtype 2 broadcast. Written
 * to {@code aircraft.acas} (key: {@link #hex()}). Field meanings follow ICAO Annex 10 Vol IV §4.3.8.4.2.2.
 *
 * @param hex             ICAO address of the aircraft that has the RA, lower-case hex
 * @param ara             active resolution advisories, the 14 ARA bits (bit 13 = first ARA bit)
 * @param rac             resolution advisory complements, 4 bits (do not pass below / above, turn left / right)
 * @param sense           {@code climb} or {@code descend} when the first ARA bit says one threat and the
 *                        direction bit decides it; null when ARA holds no single-threat RA
 * @param terminated      RA terminated indicator: the advisory has just ended
 * @param multipleThreats more than one threat is being resolved
 * @param threatHex       ICAO address of the threat, when the report names it (threat type 1); else null
 * @param downlinkFormat  17 (TC28 broadcast), 16, 20 or 21
 * @param lat             the reporting aircraft's last known position, when ingest has one
 * @param lon             see {@code lat}
 * @param altBaro         the reporting aircraft's last barometric altitude, feet
 * @param timestamp       when ingest received the report
 */
public record AcasAdvisory(
        @JsonProperty("hex") String hex,
        @JsonProperty("ara") int ara,
        @JsonProperty("rac") int rac,
        @JsonProperty("sense") String sense,
        @JsonProperty("terminated") boolean terminated,
        @JsonProperty("multiple_threats") boolean multipleThreats,
        @JsonProperty("threat_hex") String threatHex,
        @JsonProperty("downlink_format") int downlinkFormat,
        @JsonProperty("lat") Double lat,
        @JsonProperty("lon") Double lon,
        @JsonProperty("alt_baro") Integer altBaro,
        @JsonProperty("timestamp") Instant timestamp) {

    public AcasAdvisory {
        if (hex == null || hex.isBlank()) {
            throw new IllegalArgumentException("an ACAS advisory needs the reporting aircraft's hex address");
        }
    }
}
