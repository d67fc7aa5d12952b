package io.streamgate.safety.aviation.geo;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an aircraft was and how it moved at one instant: enough to dead-reckon it a few seconds on,
 * which is how two aircraft reported at different instants are compared at the same one.
 *
 * @param altitude      feet
 * @param groundSpeed   knots
 * @param track         degrees true
 * @param verticalRate  feet per minute
 */
public record Kinematics(double lat, double lon, double altitude, double groundSpeed, double track,
        double verticalRate, Instant time) {

    /** East component of the ground velocity, knots. */
    public double eastKt() {
        return groundSpeed * Math.sin(Math.toRadians(track));
    }

    /** North component of the ground velocity, knots. */
    public double northKt() {
        return groundSpeed * Math.cos(Math.toRadians(track));
    }

    /** Dead-reckoned along the great circle of its track; the same state when {@code at} is its own time. */
    public Kinematics at(Instant at) {
        if (at.equals(time)) {
            return this;
        }
        double seconds = Duration.between(time, at).toNanos() / 1e9;
        LatLon moved = GeoMath.destination(lat, lon, track, groundSpeed * seconds / 3600.0);
        return new Kinematics(moved.lat(), moved.lon(), altitude + verticalRate * seconds / 60.0, groundSpeed, track,
                verticalRate, at);
    }
}
