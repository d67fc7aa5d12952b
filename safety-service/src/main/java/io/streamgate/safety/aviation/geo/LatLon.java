package io.streamgate.safety.aviation.geo;

/** A point on the earth, degrees. */
public record LatLon(double lat, double lon) {
}
