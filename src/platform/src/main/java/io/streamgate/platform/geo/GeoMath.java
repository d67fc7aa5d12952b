package io.streamgate.platform.geo;

/**
 * StreamGate's one geodesy: great-circle distance, bearing and destination on a spherical earth, in metres
 * (devices, geofences, the simulators) and in nautical miles (aviation). Haversine is exact on the sphere at
 * every range, across the antimeridian and at the poles; the sphere itself is within 0.5 % of WGS-84, well
 * inside what positions from ADS-B receivers and phones are worth. Geometry that belongs to one use (closest
 * approach, spatial grids, fence shapes) builds on this where it is used.
 */
public final class GeoMath {

    /** Mean earth radius (IUGG). */
    public static final double EARTH_RADIUS_M = 6_371_008.8;
    /** One international nautical mile. */
    public static final double METRES_PER_NM = 1852.0;
    /** The same sphere's radius in nautical miles, ≈ 3440.07. */
    public static final double EARTH_RADIUS_NM = EARTH_RADIUS_M / METRES_PER_NM;
    /** Length of one degree of latitude (and of longitude at the equator), ≈ 111 195 m. */
    public static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_M / 180.0;
    /** Length of one degree of latitude (and of longitude at the equator), ≈ 60.04 nm. */
    public static final double NM_PER_DEGREE = Math.PI * EARTH_RADIUS_NM / 180.0;

    private static final String[] COMPASS_16 = {"N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW",
            "WSW", "W", "WNW", "NW", "NNW"};

    private GeoMath() {
    }

    /** Great-circle distance in metres. */
    public static double distanceM(double lat1, double lon1, double lat2, double lon2) {
        return EARTH_RADIUS_M * centralAngle(lat1, lon1, lat2, lon2);
    }

    /** Great-circle distance in nautical miles. */
    public static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        return EARTH_RADIUS_NM * centralAngle(lat1, lon1, lat2, lon2);
    }

    /**
     * The angle between two points seen from the earth's centre, in radians (haversine). The {@code atan2} form
     * needs no clamp where rounding takes the haversine past 1 (nearly antipodal points, where {@code asin}
     * would return NaN); there, as for any haversine, the result is good to about a decimetre.
     */
    private static double centralAngle(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinHalfDPhi = Math.sin((phi2 - phi1) / 2);
        double sinHalfDLambda = Math.sin(Math.toRadians(lonDelta(lon1, lon2)) / 2);
        double a = sinHalfDPhi * sinHalfDPhi + Math.cos(phi1) * Math.cos(phi2) * sinHalfDLambda * sinHalfDLambda;
        return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(Math.max(0, 1 - a)));
    }

    /** Initial true bearing from the first point to the second, [0, 360). */
    public static double bearingDeg(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dLambda = Math.toRadians(lonDelta(lon1, lon2));
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        return normalizeBearing(Math.toDegrees(Math.atan2(y, x)));
    }

    /**
     * The point {@code distanceNm} away along the great circle of initial {@code bearingDeg}; longitudes come
     * back in [-180, 180).
     */
    public static LatLon destinationNm(double lat, double lon, double bearingDeg, double distanceNm) {
        double angle = distanceNm / EARTH_RADIUS_NM;
        double theta = Math.toRadians(bearingDeg);
        double phi1 = Math.toRadians(lat);
        double sinPhi2 = Math.sin(phi1) * Math.cos(angle) + Math.cos(phi1) * Math.sin(angle) * Math.cos(theta);
        double phi2 = Math.asin(Math.max(-1, Math.min(1, sinPhi2)));
        double lambda = Math.atan2(Math.sin(theta) * Math.sin(angle) * Math.cos(phi1),
                Math.cos(angle) - Math.sin(phi1) * sinPhi2);
        return new LatLon(Math.toDegrees(phi2), normalizeLon(lon + Math.toDegrees(lambda)));
    }

    /**
     * {@code to - from} in degrees of longitude, the short way round: 179.9 → -179.9 is +0.2, not -359.8.
     * Forgetting this is the antimeridian bug.
     */
    public static double lonDelta(double from, double to) {
        return normalizeLon(to - from);
    }

    /** Longitude in [-180, 180). */
    public static double normalizeLon(double lon) {
        double wrapped = (lon + 180.0) % 360.0;
        if (wrapped < 0) {
            wrapped += 360.0;
        }
        return wrapped - 180.0;
    }

    /** A bearing (or any angle in degrees) folded into [0, 360). */
    public static double normalizeBearing(double degrees) {
        double folded = degrees % 360.0;
        return folded < 0 ? folded + 360.0 : folded;
    }

    /** The 16-point compass name of a bearing (N, NNE, NE, …). */
    public static String compass16(double bearingDeg) {
        return COMPASS_16[(int) Math.floor(normalizeBearing(bearingDeg) / 22.5 + 0.5) % 16];
    }
}
