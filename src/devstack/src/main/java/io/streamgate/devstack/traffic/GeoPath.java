package io.streamgate.devstack.traffic;

import java.util.List;

/** A route through waypoints ({@code {lat, lon}}), measured along the ground. */
final class GeoPath {

    static final double EARTH_RADIUS_M = 6_371_008.8;

    /** A point on the path and the direction of travel there. */
    record Point(double lat, double lon, double bearing) {
    }

    private final List<double[]> waypoints;
    private final double[] cumulative;

    GeoPath(List<double[]> waypoints) {
        if (waypoints.size() < 2) {
            throw new IllegalArgumentException("a path needs at least two waypoints");
        }
        this.waypoints = List.copyOf(waypoints);
        this.cumulative = new double[waypoints.size()];
        for (int i = 1; i < waypoints.size(); i++) {
            cumulative[i] = cumulative[i - 1] + distance(waypoints.get(i - 1), waypoints.get(i));
        }
    }

    double length() {
        return cumulative[cumulative.length - 1];
    }

    /** The point {@code metres} from the start (clamped to the path), heading forward or back. */
    Point at(double metres, boolean forward) {
        double along = Math.max(0, Math.min(length(), metres));
        int segment = 1;
        while (segment < cumulative.length - 1 && cumulative[segment] < along) {
            segment++;
        }
        double[] from = waypoints.get(segment - 1);
        double[] to = waypoints.get(segment);
        double span = cumulative[segment] - cumulative[segment - 1];
        double f = span == 0 ? 0 : (along - cumulative[segment - 1]) / span;
        double lat = from[0] + (to[0] - from[0]) * f;
        double lon = from[1] + (to[1] - from[1]) * f;
        double bearing = forward ? bearing(from, to) : bearing(to, from);
        return new Point(lat, lon, bearing);
    }

    static double distance(double[] a, double[] b) {
        double dLat = Math.toRadians(b[0] - a[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a[0]))
                * Math.cos(Math.toRadians(b[0])) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
    }

    /** Initial bearing from {@code a} to {@code b}, degrees from true north in [0, 360). */
    static double bearing(double[] a, double[] b) {
        double lat1 = Math.toRadians(a[0]);
        double lat2 = Math.toRadians(b[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double y = Math.sin(dLon) * Math.cos(lat2);
        double x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * Math.cos(lat2) * Math.cos(dLon);
        double degrees = Math.toDegrees(Math.atan2(y, x));
        return (degrees + 360) % 360;
    }
}
