package io.streamgate.platform.devices;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A WGS-84 position in SpatialFlow's {@code {latitude, longitude}} spelling. */
public record GeoPoint(
        @JsonProperty("latitude") double latitude,
        @JsonProperty("longitude") double longitude) {
}
