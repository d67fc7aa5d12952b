package io.streamgate.stats.aircraft;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The last position of one aircraft as kept in {@code …:stats-agg:aircraft:last} (field = hex): what the
 * current-state figures need, nothing more.
 *
 * @param seenMillis when the position was fixed, epoch milliseconds
 */
@RegisterForReflection
public record Sighting(
        @JsonProperty("hex") String hex,
        @JsonProperty("flight") String flight,
        @JsonProperty("lat") double lat,
        @JsonProperty("lon") double lon,
        @JsonProperty("military") boolean military,
        @JsonProperty("category") String category,
        @JsonProperty("type_code") String typeCode,
        @JsonProperty("stale") boolean stale,
        @JsonProperty("seen") long seenMillis) {
}
