package io.streamgate.safety.aviation.geo;

import io.streamgate.platform.geo.GeoMath;

/**
 * The second aircraft as seen from the first, in a flat east-north-up frame centred between them:
 * valid for the tens of miles a conflict check looks at (the longitude difference is taken the short
 * way round and scaled by the cosine of the mean latitude).
 *
 * @param sx east offset, nm
 * @param sy north offset, nm
 * @param sz altitude difference (second minus first), ft
 * @param vx east relative velocity, nm/s
 * @param vy north relative velocity, nm/s
 * @param vz vertical relative velocity, ft/s
 */
public record RelativeMotion(double sx, double sy, double sz, double vx, double vy, double vz) {

    /** Both states must be for the same instant (see {@link Kinematics#at}). */
    public static RelativeMotion between(Kinematics first, Kinematics second) {
        return between(first, second, 0);
    }

    /**
     * As {@link #between(Kinematics, Kinematics)}, with vertical rates of at most {@code levelFlightRate}
     * ft/min taken as 0: the noise of a level aircraft's reported rate is not a climb.
     */
    public static RelativeMotion between(Kinematics first, Kinematics second, double levelFlightRate) {
        double meanLat = Math.toRadians((first.lat() + second.lat()) / 2);
        double sx = GeoMath.lonDelta(first.lon(), second.lon()) * GeoMath.NM_PER_DEGREE * Math.cos(meanLat);
        double sy = (second.lat() - first.lat()) * GeoMath.NM_PER_DEGREE;
        return new RelativeMotion(sx, sy, second.altitude() - first.altitude(),
                (second.eastKt() - first.eastKt()) / 3600.0, (second.northKt() - first.northKt()) / 3600.0,
                (level(second.verticalRate(), levelFlightRate) - level(first.verticalRate(), levelFlightRate)) / 60.0);
    }

    private static double level(double rate, double levelFlightRate) {
        return Math.abs(rate) <= levelFlightRate ? 0 : rate;
    }

    /** Horizontal distance, nm. */
    public double range() {
        return Math.hypot(sx, sy);
    }

    /** s·v, nm²/s: negative while the pair closes horizontally. */
    public double dot() {
        return sx * vx + sy * vy;
    }

    /** |v|², (nm/s)². */
    public double speedSquared() {
        return vx * vx + vy * vy;
    }

    /** Horizontal relative speed, knots. */
    public double relativeSpeedKt() {
        return Math.sqrt(speedSquared()) * 3600.0;
    }

    /** Rate at which the horizontal distance shrinks, knots; negative while it grows. */
    public double closureRateKt() {
        double range = range();
        return range == 0 ? 0 : -dot() / range * 3600.0;
    }

    public boolean closingHorizontally() {
        return dot() < 0;
    }

    public boolean closingVertically() {
        return sz * vz < 0;
    }
}
