package io.streamgate.platform.devices;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A geofence as kept in the Redis hash {@code streamgate:tenant:<tenant>:geofences} (field = id, value = this
 * record as JSON). Only the fields every reader relies on; writers may add more (unknown fields are tolerated).
 */
public record GeofenceDefinition(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("active") boolean active) {
}
