package io.streamgate.platform.alerts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tenant's alert rule, as stored in Redis ({@link AlertKeys#rules(String)}) and served by the rules API.
 * Every condition present must hold (AND) for a position to match; an absent condition is no constraint.
 *
 * @param id         rule id (a UUID), unique in the tenant
 * @param name       shown to users and copied into each alert as {@code rule_name}
 * @param enabled    a disabled rule is kept but never evaluated
 * @param priority   {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param cooldown   seconds: after a rule triggers for an aircraft it does not trigger again for that aircraft
 *                   before this has passed
 * @param owner      subject of the caller who created it; every caller of the tenant sees the rule
 * @param conditions what a position must satisfy
 * @param createdAt  when it was created
 * @param updatedAt  when it was last replaced
 */
public record AlertRule(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("priority") String priority,
        @JsonProperty("cooldown") int cooldown,
        @JsonProperty("owner") String owner,
        @JsonProperty("conditions") Conditions conditions,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static final List<String> PRIORITIES = List.of("low", "medium", "high", "critical");

    /**
     * The conditions of a rule; null means "not constrained".
     *
     * @param altitude     pressure altitude range in feet ({@code alt_baro}; an aircraft on the ground is at 0)
     * @param squawk       any of these Mode A codes
     * @param callsign     glob pattern ({@code *}, {@code ?}; case-insensitive) on the callsign
     * @param hex          glob pattern on the ICAO address
     * @param registration glob pattern on the registration
     * @param category     any of these emitter categories (A0–D7)
     * @param military     the airframe's military flag must equal this
     * @param distance     within {@code max_nm} nautical miles of a point
     * @param speed        ground speed range in knots
     */
    public record Conditions(
            @JsonProperty("altitude") Range altitude,
            @JsonProperty("squawk") List<String> squawk,
            @JsonProperty("callsign") String callsign,
            @JsonProperty("hex") String hex,
            @JsonProperty("registration") String registration,
            @JsonProperty("category") List<String> category,
            @JsonProperty("military") Boolean military,
            @JsonProperty("distance") Area distance,
            @JsonProperty("speed") Range speed) {
    }

    /** An inclusive range; either bound may be absent (open). */
    public record Range(@JsonProperty("min") Double min, @JsonProperty("max") Double max) {

        public boolean contains(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }
    }

    /** A circle: centre in degrees, radius in nautical miles. */
    public record Area(@JsonProperty("lat") double lat, @JsonProperty("lon") double lon,
            @JsonProperty("max_nm") double maxNm) {
    }
}
