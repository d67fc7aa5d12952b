package io.streamgate.safety.aviation.geo;

import java.time.Instant;

import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.geo.LatLon;

/**
 * Where an aircraft was and how it moved at one instant: enough to dead-reckon it a few seconds on,
 * which is how two aircraft reported at different instants are compared at the same one.
 */
public final class Kinematics {

    /** Up to this many seconds (and away from the poles) a flat-earth step is within metres of the great circle. */
    private static final double FLAT_STEP_SECONDS = 60;
    private static final double FLAT_STEP_MAX_LATITUDE = 85;

    private final double lat;
    private final double lon;
    private final double altitude;
    private final double groundSpeed;
    private final double track;
    private final double verticalRate;
    private final Instant time;
    private final double eastKt;
    private final double northKt;

    /**
     * @param altitude     feet
     * @param groundSpeed  knots
     * @param track        degrees true
     * @param verticalRate feet per minute
     */
    public Kinematics(double lat, double lon, double altitude, double groundSpeed, double track, double verticalRate,
            Instant time) {
        this.lat = lat;
        this.lon = lon;
        this.altitude = altitude;
        this.groundSpeed = groundSpeed;
        this.track = track;
        this.verticalRate = verticalRate;
        this.time = time;
        double radians = Math.toRadians(track);
        this.eastKt = groundSpeed * Math.sin(radians);
        this.northKt = groundSpeed * Math.cos(radians);
    }

    /** Dead-reckoned along its track; the same state when {@code at} is its own time. */
    public Kinematics at(Instant at) {
        if (at.equals(time)) {
            return this;
        }
        double seconds = (at.getEpochSecond() - time.getEpochSecond()) + (at.getNano() - time.getNano()) / 1e9;
        double newAltitude = altitude + verticalRate * seconds / 60.0;
        if (Math.abs(seconds) <= FLAT_STEP_SECONDS && Math.abs(lat) < FLAT_STEP_MAX_LATITUDE) {
            double newLat = lat + northKt * seconds / 3600.0 / GeoMath.NM_PER_DEGREE;
            double newLon = lon + eastKt * seconds / 3600.0 / (GeoMath.NM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
            return new Kinematics(newLat, GeoMath.normalizeLon(newLon), newAltitude, groundSpeed, track, verticalRate,
                    at);
        }
        LatLon moved = GeoMath.destinationNm(lat, lon, track, groundSpeed * seconds / 3600.0);
        return new Kinematics(moved.lat(), moved.lon(), newAltitude, groundSpeed, track, verticalRate, at);
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }

    /** Feet; NaN when unknown. */
    public double altitude() {
        return altitude;
    }

    /** Knots. */
    public double groundSpeed() {
        return groundSpeed;
    }

    /** Degrees true. */
    public double track() {
        return track;
    }

    /** Feet per minute. */
    public double verticalRate() {
        return verticalRate;
    }

    public Instant time() {
        return time;
    }

    /** East component of the ground velocity, knots. */
    public double eastKt() {
        return eastKt;
    }

    /** North component of the ground velocity, knots. */
    public double northKt() {
        return northKt;
    }
}
