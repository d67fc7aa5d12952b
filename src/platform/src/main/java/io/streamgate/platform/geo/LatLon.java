package io.streamgate.platform.geo;

/** A point on the earth, degrees. */
public record LatLon(double lat, double lon) {
}
