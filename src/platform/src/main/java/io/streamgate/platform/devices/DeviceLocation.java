package io.streamgate.platform.devices;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a tracked device is ({@code device.locations}, key: device id): what SpatialFlow's geofence
 * engine evaluates.
 *
 * @param accuracy horizontal accuracy in metres, when the device reports it
 * @param speed    metres per second
 * @param heading  degrees from true north
 * @param altitude metres above sea level
 * @param metadata free-form attributes the device sent (battery, driver, …)
 */
public record DeviceLocation(
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("lat") double lat,
        @JsonProperty("lon") double lon,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("accuracy") Double accuracy,
        @JsonProperty("speed") Double speed,
        @JsonProperty("heading") Double heading,
        @JsonProperty("altitude") Double altitude,
        @JsonProperty("metadata") Map<String, Object> metadata) {
}
