package io.streamgate.safety.aviation.geo;

/**
 * Closest point of approach of two straight-line tracks, within a horizon.
 *
 * @param time         seconds from now until the closest horizontal approach, clamped to [0, horizon]
 *                     (0 for a pair already moving apart or not moving relative to each other)
 * @param distance     horizontal distance then, nm
 * @param altitudeDiff vertical distance then (second minus first), ft
 */
public record ClosestApproach(double time, double distance, double altitudeDiff) {

    public static ClosestApproach of(RelativeMotion m, double horizonSeconds) {
        double speedSquared = m.speedSquared();
        double t = speedSquared < 1e-12 ? 0 : Math.max(0, Math.min(horizonSeconds, -m.dot() / speedSquared));
        return new ClosestApproach(t, Math.hypot(m.sx() + m.vx() * t, m.sy() + m.vy() * t), m.sz() + m.vz() * t);
    }

    /**
     * STCA-style score: the larger of the two distances at closest approach as fractions of the minima;
     * below 1 the pair is inside the protected zone at that moment.
     */
    public double score(double lateralMinimum, double verticalMinimum) {
        return Math.max(distance / lateralMinimum, Math.abs(altitudeDiff) / verticalMinimum);
    }
}
