package io.streamgate.platform.geo;

/** Great-circle distance and bearing on a spherical Earth, in the units aviation uses. */
public final class GeoMath {

    /** Mean Earth radius in nautical miles. */
    public static final double EARTH_RADIUS_NM = 3440.065;

    private static final String[] COMPASS_16 = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW",
            "WSW", "W", "WNW", "NW", "NNW"};

    private GeoMath() {
    }

    /** Haversine distance in nautical miles; correct across the antimeridian and near the poles. */
    public static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_NM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Initial true bearing from the first point to the second, 0 ≤ bearing &lt; 360. */
    public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dLambda = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        return normalize(Math.toDegrees(Math.atan2(y, x)));
    }

    /** The 16-point compass name of a bearing (N, NNE, NE, …). */
    public static String compass16(double bearingDeg) {
        return COMPASS_16[(int) Math.floor(normalize(bearingDeg) / 22.5 + 0.5) % 16];
    }

    /** An angle in degrees folded into 0 ≤ angle &lt; 360. */
    public static double normalize(double degrees) {
        double folded = degrees % 360;
        return folded < 0 ? folded + 360 : folded;
    }
}
