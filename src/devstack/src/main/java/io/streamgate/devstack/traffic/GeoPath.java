package io.streamgate.devstack.traffic;

import java.util.List;

import io.streamgate.platform.geo.GeoMath;

/** A route through waypoints ({@code {lat, lon}}), measured along the ground. */
final class GeoPath {

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

    /** Great-circle metres between two {@code {lat, lon}} points. */
    static double distance(double[] a, double[] b) {
        return GeoMath.distanceM(a[0], a[1], b[0], b[1]);
    }

    /** Initial bearing from {@code a} to {@code b}, degrees from true north in [0, 360). */
    static double bearing(double[] a, double[] b) {
        return GeoMath.bearingDeg(a[0], a[1], b[0], b[1]);
    }
}
