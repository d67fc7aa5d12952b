package io.streamgate.platform.aviation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A NOTAM or TFR ({@code notams}, compacted, key: NOTAM id), in SkySpy's {@code notams:tfr_new}
 * spelling.
 *
 * @param type {@code NOTAM} or {@code TFR}
 */
public record Notam(
        @JsonProperty("notam_id") String notamId,
        @JsonProperty("type") String type,
        @JsonProperty("location") String location,
        @JsonProperty("latitude") Double latitude,
        @JsonProperty("longitude") Double longitude,
        @JsonProperty("radius_nm") Double radiusNm,
        @JsonProperty("floor_ft") Integer floorFt,
        @JsonProperty("ceiling_ft") Integer ceilingFt,
        @JsonProperty("reason") String reason,
        @JsonProperty("text") String text,
        @JsonProperty("effective_start") Instant effectiveStart,
        @JsonProperty("effective_end") Instant effectiveEnd) {
}
