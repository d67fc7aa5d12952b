package io.streamgate.safety.aviation.tcas;

import io.streamgate.safety.aviation.geo.RelativeMotion;

/**
 * The TCAS II threat tests of a sensitivity level, on a pair's relative motion. An advisory needs both
 * tests with the same thresholds: the horizontal one (inside DMOD, or closing with a modified tau within
 * the time threshold) and the vertical one (inside ZTHR, or closing with a time to co-altitude within the
 * time threshold).
 */
public final class TcasLogic {

    private final boolean missDistanceFilter;

    /** @param missDistanceFilter also require the predicted horizontal miss distance to be within DMOD */
    public TcasLogic(boolean missDistanceFilter) {
        this.missDistanceFilter = missDistanceFilter;
    }

    /** The most urgent advisory the level's thresholds give. */
    public Advisory advisory(RelativeMotion m, SensitivityLevel level) {
        if (level.issuesRa() && threat(m, level.ra())) {
            return Advisory.RA;
        }
        return threat(m, level.ta()) ? Advisory.TA : Advisory.NONE;
    }

    public boolean threat(RelativeMotion m, SensitivityLevel.Thresholds thresholds) {
        return horizontal(m, thresholds) && vertical(m, thresholds);
    }

    public boolean horizontal(RelativeMotion m, SensitivityLevel.Thresholds t) {
        double rangeSquared = m.sx() * m.sx() + m.sy() * m.sy();
        double dmodSquared = t.dmod() * t.dmod();
        if (rangeSquared <= dmodSquared) {
            return true;
        }
        if (!m.closingHorizontally() || modifiedTau(m, t.dmod()) > t.tau()) {
            return false;
        }
        return !missDistanceFilter || missDistance(m) <= t.dmod();
    }

    public static boolean vertical(RelativeMotion m, SensitivityLevel.Thresholds t) {
        return Math.abs(m.sz()) <= t.zthr() || timeToCoAltitude(m) <= t.tau();
    }

    /**
     * Modified tau, s: (DMOD² − r²) / (s·v). It stays finite for slow closure, where plain range/closure
     * rate would let a slowly closing pair get very close. Positive while closing from outside DMOD, 0
     * inside DMOD, infinite when not closing.
     */
    public static double modifiedTau(RelativeMotion m, double dmod) {
        double rangeSquared = m.sx() * m.sx() + m.sy() * m.sy();
        if (rangeSquared <= dmod * dmod) {
            return 0;
        }
        double dot = m.dot();
        return dot >= 0 ? Double.POSITIVE_INFINITY : (dmod * dmod - rangeSquared) / dot;
    }

    /** Seconds until both are at the same altitude; 0 when they are; infinite when not closing vertically. */
    public static double timeToCoAltitude(RelativeMotion m) {
        if (m.sz() == 0) {
            return 0;
        }
        return m.closingVertically() ? -m.sz() / m.vz() : Double.POSITIVE_INFINITY;
    }

    /** Horizontal distance at the unbounded closest approach, nm. */
    public static double missDistance(RelativeMotion m) {
        double speedSquared = m.speedSquared();
        if (speedSquared < 1e-12) {
            return m.range();
        }
        double t = -m.dot() / speedSquared;
        return Math.hypot(m.sx() + m.vx() * t, m.sy() + m.vy() * t);
    }
}
