package io.streamgate.platform.aviation;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A G-AIRMET, SIGMET, AIRMET or CWA with its area ({@code airspace.advisories}, compacted, key:
 * advisory id).
 *
 * @param boundary the area as a closed ring of {@code [lat, lon]} points
 */
public record AirspaceAdvisory(
        @JsonProperty("advisory_id") String advisoryId,
        @JsonProperty("advisory_type") String advisoryType,
        @JsonProperty("hazard") String hazard,
        @JsonProperty("severity") String severity,
        @JsonProperty("valid_from") Instant validFrom,
        @JsonProperty("valid_to") Instant validTo,
        @JsonProperty("lower_ft") Integer lowerFt,
        @JsonProperty("upper_ft") Integer upperFt,
        @JsonProperty("boundary") List<List<Double>> boundary,
        @JsonProperty("raw_text") String rawText,
        @JsonProperty("timestamp") Instant timestamp) {
}
