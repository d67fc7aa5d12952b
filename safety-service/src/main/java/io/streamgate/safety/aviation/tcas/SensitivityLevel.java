package io.streamgate.safety.aviation.tcas;

/**
 * TCAS II sensitivity levels by own altitude, with their traffic-advisory (TA) and resolution-advisory
 * (RA) thresholds (the values of NASA DAIDALUS' {@code TCASTable}). Each row's lower bound is inclusive.
 * The table is defined on height above ground below 2350 ft; the service knows no terrain and uses
 * pressure altitude throughout, so over high ground the lowest levels apply later than in a cockpit.
 */
public enum SensitivityLevel {

    SL2(2, Double.NEGATIVE_INFINITY, 1000, 20, Double.NaN, 0.30, Double.NaN, 850, Double.NaN),
    SL3(3, 1000, 2350, 25, 15, 0.33, 0.20, 850, 600),
    SL4(4, 2350, 5000, 30, 20, 0.48, 0.35, 850, 600),
    SL5(5, 5000, 10000, 40, 25, 0.75, 0.55, 850, 600),
    SL6(6, 10000, 20000, 45, 30, 1.00, 0.80, 850, 600),
    SL7(7, 20000, 42000, 48, 35, 1.30, 1.10, 850, 700),
    /** Still level 7, with the wider altitude thresholds above FL420. */
    SL7_ABOVE_FL420(7, 42000, Double.POSITIVE_INFINITY, 48, 35, 1.30, 1.10, 1200, 800);

    private final int number;
    private final double from;
    private final double below;
    private final Thresholds ta;
    private final Thresholds ra;

    SensitivityLevel(int number, double from, double below, double taTau, double raTau, double taDmod,
            double raDmod, double taZthr, double raZthr) {
        this.number = number;
        this.from = from;
        this.below = below;
        this.ta = new Thresholds(taTau, taDmod, taZthr);
        this.ra = Double.isNaN(raTau) ? null : new Thresholds(raTau, raDmod, raZthr);
    }

    /** The level for an own altitude in feet. */
    public static SensitivityLevel forAltitude(double altitude) {
        for (SensitivityLevel level : values()) {
            if (altitude < level.below) {
                return level;
            }
        }
        return SL7_ABOVE_FL420;
    }

    /** The level's number as TCAS names it (2–7). */
    public int number() {
        return number;
    }

    /** Lowest own altitude of the level, inclusive. */
    public double from() {
        return from;
    }

    public Thresholds ta() {
        return ta;
    }

    /** Null at level 2, where TCAS issues traffic advisories only. */
    public Thresholds ra() {
        return ra;
    }

    public boolean issuesRa() {
        return ra != null;
    }

    /**
     * @param tau  time threshold, s (horizontal modified tau and vertical time to co-altitude)
     * @param dmod distance modification, nm
     * @param zthr altitude threshold, ft
     */
    public record Thresholds(double tau, double dmod, double zthr) {
    }
}
