package io.streamgate.safety.aviation.geo;

import java.util.Optional;

/**
 * When, within a horizon, two straight-line tracks are inside a protected zone (a cylinder: a horizontal
 * radius and a vertical half-height) at the same time. Horizontal and vertical are solved separately
 * and intersected, so a pair that is close laterally while still far apart vertically (and the other
 * way round) is not a conflict.
 */
public final class SeparationForecast {

    private static final double EPSILON = 1e-12;

    private SeparationForecast() {
    }

    /**
     * @param entry seconds until separation is lost (0 when it is lost already)
     * @param exit  seconds until it is regained, at most the horizon
     */
    public record Loss(double entry, double exit) {

        public boolean current() {
            return entry == 0;
        }
    }

    public static Optional<Loss> lossWithin(RelativeMotion m, double lateral, double vertical, double horizon) {
        double[] h = horizontal(m, lateral);
        double[] v = vertical(m, vertical);
        if (h == null || v == null) {
            return Optional.empty();
        }
        double entry = Math.max(0, Math.max(h[0], v[0]));
        double exit = Math.min(horizon, Math.min(h[1], v[1]));
        return entry < exit ? Optional.of(new Loss(entry, exit)) : Optional.empty();
    }

    /** The open interval of t where |s + v t| < lateral, or null. */
    private static double[] horizontal(RelativeMotion m, double lateral) {
        double a = m.speedSquared();
        double b = 2 * m.dot();
        double c = m.sx() * m.sx() + m.sy() * m.sy() - lateral * lateral;
        if (a < EPSILON) {
            return c < 0 ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
        }
        double discriminant = b * b - 4 * a * c;
        if (discriminant <= 0) {
            return null;
        }
        double root = Math.sqrt(discriminant);
        return new double[] {(-b - root) / (2 * a), (-b + root) / (2 * a)};
    }

    /** The open interval of t where |sz + vz t| < vertical, or null. */
    private static double[] vertical(RelativeMotion m, double vertical) {
        if (Math.abs(m.vz()) < EPSILON) {
            return Math.abs(m.sz()) < vertical
                    ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
        }
        double t1 = (-vertical - m.sz()) / m.vz();
        double t2 = (vertical - m.sz()) / m.vz();
        return new double[] {Math.min(t1, t2), Math.max(t1, t2)};
    }
}
