package io.streamgate.safety.aviation.geo;

/** Great-circle geometry on a spherical earth, in nautical miles and degrees. */
public final class GeoMath {

    /** Mean earth radius. */
    public static final double EARTH_RADIUS_NM = 3440.065;
    /** Length of one degree of latitude (and of longitude at the equator) on that sphere, ≈ 60.04 nm. */
    public static final double NM_PER_DEGREE = Math.PI * EARTH_RADIUS_NM / 180.0;

    private GeoMath() {
    }

    /** Haversine distance: exact on the sphere at every range, including across the antimeridian. */
    public static double distanceNm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lonDelta(lon1, lon2));
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_NM * Math.atan2(Math.sqrt(a), Math.sqrt(Math.max(0, 1 - a)));
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

    /** The point {@code distanceNm} away along {@code bearingDeg}; longitudes come back in [-180, 180). */
    public static LatLon destination(double lat, double lon, double bearingDeg, double distanceNm) {
        double delta = distanceNm / EARTH_RADIUS_NM;
        double theta = Math.toRadians(bearingDeg);
        double phi1 = Math.toRadians(lat);
        double sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
        double phi2 = Math.asin(Math.max(-1, Math.min(1, sinPhi2)));
        double lambda = Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * sinPhi2);
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

    /** Bearing in [0, 360). */
    public static double normalizeBearing(double bearing) {
        double wrapped = bearing % 360.0;
        return wrapped < 0 ? wrapped + 360.0 : wrapped;
    }
}
