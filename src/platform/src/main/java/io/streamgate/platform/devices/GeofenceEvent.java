package io.streamgate.platform.devices;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A device entered or left a geofence ({@code geofence.events}, key: device id, CE type
 * {@code io.streamgate.geofence.event}), in SpatialFlow's {@code geofence_event} spelling.
 *
 * @param eventType {@code entry} or {@code exit}
 */
public record GeofenceEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("geofence_id") String geofenceId,
        @JsonProperty("geofence_name") String geofenceName,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("location") Location location,
        @JsonProperty("timestamp") Instant timestamp) {

    /** Where the device was when it crossed the boundary. */
    public record Location(
            @JsonProperty("latitude") double latitude,
            @JsonProperty("longitude") double longitude) {
    }
}
