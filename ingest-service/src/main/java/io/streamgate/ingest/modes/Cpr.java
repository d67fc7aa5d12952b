package io.streamgate.ingest.modes;

/**
 * Compact Position Reporting (DO-260B Appendix A): the 17-bit latitude and longitude of an even or odd
 * position message, turned into degrees either globally (an even and an odd message together) or
 * locally (one message and a reference within half a zone). Pure functions; results go into a
 * caller-owned {@code double[2]} {lat, lon} so nothing is allocated.
 */
public final class Cpr {

    private static final double SCALE = 131072.0;
    /** Latitudes where the number of longitude zones drops by one, from NL = 59 down to NL = 2. */
    private static final double[] NL_TRANSITIONS = new double[58];

    static {
        double a = 1 - Math.cos(Math.PI / (2 * 15)); // 15 latitude zones per quadrant
        for (int nl = 59; nl >= 2; nl--) {
            NL_TRANSITIONS[59 - nl] = Math.toDegrees(Math.acos(Math.sqrt(a / (1 - Math.cos(2 * Math.PI / nl)))));
        }
    }

    private Cpr() {
    }

    /** Number of longitude zones at a latitude (1–59). */
    public static int nl(double lat) {
        double abs = Math.abs(lat);
        // binary search for the first transition latitude above |lat|; none above: one zone
        int low = 0;
        int high = NL_TRANSITIONS.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (abs < NL_TRANSITIONS[mid]) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return 59 - low;
    }

    /**
     * Global airborne decoding.
     *
     * @param oddNewer take the odd message's position (the newer of the pair); else the even one's
     * @return false when the pair straddles a zone boundary or resolves outside ±90°
     */
    public static boolean globalAirborne(int evenLat, int evenLon, int oddLat, int oddLon, boolean oddNewer,
            double[] out) {
        double dlat0 = 360.0 / 60;
        double dlat1 = 360.0 / 59;
        double j = Math.floor((59.0 * evenLat - 60.0 * oddLat) / SCALE + 0.5);
        double rlat0 = dlat0 * (mod(j, 60) + evenLat / SCALE);
        double rlat1 = dlat1 * (mod(j, 59) + oddLat / SCALE);
        if (rlat0 >= 270) {
            rlat0 -= 360;
        }
        if (rlat1 >= 270) {
            rlat1 -= 360;
        }
        if (rlat0 < -90 || rlat0 > 90 || rlat1 < -90 || rlat1 > 90) {
            return false;
        }
        int nl = nl(rlat0);
        if (nl != nl(rlat1)) {
            return false;
        }
        return longitude(evenLon, oddLon, oddNewer, oddNewer ? rlat1 : rlat0, nl, 360.0, out);
    }

    /**
     * Global surface decoding: the pair fixes the position up to a quarter of the globe, the reference
     * (receiver or last known position) picks the quadrant.
     */
    public static boolean globalSurface(int evenLat, int evenLon, int oddLat, int oddLon, boolean oddNewer,
            double refLat, double refLon, double[] out) {
        double dlat0 = 90.0 / 60;
        double dlat1 = 90.0 / 59;
        double j = Math.floor((59.0 * evenLat - 60.0 * oddLat) / SCALE + 0.5);
        double rlat0 = surfaceQuadrant(dlat0 * (mod(j, 60) + evenLat / SCALE), refLat);
        double rlat1 = surfaceQuadrant(dlat1 * (mod(j, 59) + oddLat / SCALE), refLat);
        if (rlat0 < -90 || rlat0 > 90 || rlat1 < -90 || rlat1 > 90) {
            return false;
        }
        int nl = nl(rlat0);
        if (nl != nl(rlat1)) {
            return false;
        }
        if (!longitude(evenLon, oddLon, oddNewer, oddNewer ? rlat1 : rlat0, nl, 90.0, out)) {
            return false;
        }
        double rlon = out[1];
        rlon += Math.floor((refLon - rlon + 45) / 90) * 90; // the quarter closest to the reference
        out[1] = rlon - Math.floor((rlon + 180) / 360) * 360;
        return true;
    }

    /** Of the two hemispheres a surface latitude may be in, the one nearer the reference. */
    private static double surfaceQuadrant(double rlat, double refLat) {
        if (rlat == 0) {
            return refLat < -45 ? -90 : refLat > 45 ? 90 : 0;
        }
        return rlat - refLat > 45 ? rlat - 90 : rlat;
    }

    private static boolean longitude(int evenLon, int oddLon, boolean oddNewer, double rlat, int nl, double span,
            double[] out) {
        int ni = Math.max(nl - (oddNewer ? 1 : 0), 1);
        double m = Math.floor((evenLon * (nl - 1.0) - oddLon * (double) nl) / SCALE + 0.5);
        double rlon = (span / ni) * (mod(m, ni) + (oddNewer ? oddLon : evenLon) / SCALE);
        rlon -= Math.floor((rlon + 180) / 360) * 360;
        out[0] = rlat;
        out[1] = rlon;
        return true;
    }

    /**
     * Local decoding of one message against a reference, which must lie within half a latitude zone
     * (3° airborne, 0.75° surface) of the truth, else the answer is a neighbouring zone's.
     *
     * @return false when the result is more than half a zone from the reference (the reference is wrong)
     */
    public static boolean local(int cprLat, int cprLon, boolean odd, boolean surface, double refLat, double refLon,
            double[] out) {
        double span = surface ? 90.0 : 360.0;
        double dlat = span / (odd ? 59 : 60);
        double fracLat = cprLat / SCALE;
        // floor(ref/d) + floor(0.5 + frac(ref/d) - cpr), written as one floor: computing the whole part and the
        // fraction separately can disagree at a zone boundary (a reference of exactly 5 odd zones, say).
        double j = Math.floor(refLat / dlat + 0.5 - fracLat);
        double rlat = dlat * (j + fracLat);
        if (rlat < -90 || rlat > 90 || Math.abs(rlat - refLat) > dlat / 2) {
            return false;
        }
        int zones = Math.max(nl(rlat) - (odd ? 1 : 0), 1);
        double dlon = span / zones;
        double fracLon = cprLon / SCALE;
        double m = Math.floor(refLon / dlon + 0.5 - fracLon);
        double rlon = dlon * (m + fracLon);
        if (Math.abs(rlon - refLon) > dlon / 2) {
            return false;
        }
        out[0] = rlat;
        out[1] = rlon - Math.floor((rlon + 180) / 360) * 360;
        return true;
    }

    private static double mod(double a, double b) {
        double r = a % b;
        return r < 0 ? r + b : r;
    }
}
