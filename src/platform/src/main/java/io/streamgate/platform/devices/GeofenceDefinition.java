package io.streamgate.platform.devices;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A tenant's geofence as stored in Redis hash {@code streamgate:tenant:<tenant>:geofences} (field: id) and as
 * the geofence API answers it. Exactly one shape is set: a circle ({@code center} and {@code radius_m}) or a
 * GeoJSON Polygon ({@code geometry}).
 *
 * @param radiusM  circle radius in metres
 * @param geometry GeoJSON Polygon, {@code coordinates} as rings of {@code [lon, lat]}, the first ring the outline
 * @param active   an inactive fence raises no events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeofenceDefinition(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("active") boolean active,
        @JsonProperty("center") GeoPoint center,
        @JsonProperty("radius_m") Double radiusM,
        @JsonProperty("geometry") Polygon geometry,
        @JsonProperty("metadata") Map<String, Object> metadata,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    /** A GeoJSON Polygon geometry: {@code type} is always {@code Polygon}. */
    public record Polygon(
            @JsonProperty("type") String type,
            @JsonProperty("coordinates") List<List<List<Double>>> coordinates) {
    }

    /** True for a circle. Not a wire field: {@code center} says it. */
    @JsonIgnore
    public boolean isCircle() {
        return center != null;
    }
}
