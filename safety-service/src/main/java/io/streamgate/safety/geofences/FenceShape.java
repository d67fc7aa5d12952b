package io.streamgate.safety.geofences;

import java.util.List;

import io.streamgate.platform.devices.GeofenceDefinition;
import io.streamgate.platform.geo.GeoMath;

/**
 * A geofence's geometry, ready for tests: the signed distance of a point to its boundary in metres (negative
 * inside) and its bounding box. Distances use a local equirectangular projection around the point, exact to
 * well under a metre for fences of a few kilometres and still sound for larger ones.
 */
public abstract sealed class FenceShape {

    /** Metres from the boundary: negative inside, positive outside. */
    public abstract double signedDistanceM(double lat, double lon);

    /** {minLat, minLon, maxLat, maxLon}. */
    public abstract double[] bounds();

    public static FenceShape of(GeofenceDefinition fence) {
        if (fence.isCircle()) {
            return new Circle(fence.center().latitude(), fence.center().longitude(), fence.radiusM());
        }
        return new Polygon(fence.geometry().coordinates().get(0));
    }

    static final class Circle extends FenceShape {

        private final double lat;
        private final double lon;
        private final double radius;

        Circle(double lat, double lon, double radius) {
            this.lat = lat;
            this.lon = lon;
            this.radius = radius;
        }

        @Override
        public double signedDistanceM(double pLat, double pLon) {
            return GeoMath.distanceM(lat, lon, pLat, pLon) - radius;
        }

        @Override
        public double[] bounds() {
            double dLat = radius / GeoMath.METRES_PER_DEGREE;
            double dLon = radius / (GeoMath.METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
            return new double[] {lat - dLat, lon - dLon, lat + dLat, lon + dLon};
        }
    }

    static final class Polygon extends FenceShape {

        /** Ring positions as lat / lon arrays, closing position dropped. */
        private final double[] lats;
        private final double[] lons;

        Polygon(List<List<Double>> ring) {
            int n = ring.size() - 1;
            lats = new double[n];
            lons = new double[n];
            for (int i = 0; i < n; i++) {
                lons[i] = ring.get(i).get(0);
                lats[i] = ring.get(i).get(1);
            }
        }

        @Override
        public double signedDistanceM(double pLat, double pLon) {
            double cos = Math.cos(Math.toRadians(pLat));
            double best = Double.MAX_VALUE;
            boolean inside = false;
            int n = lats.length;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                // Ray casting along the latitude of the point.
                if ((lats[i] > pLat) != (lats[j] > pLat)
                        && pLon < (lons[j] - lons[i]) * (pLat - lats[i]) / (lats[j] - lats[i]) + lons[i]) {
                    inside = !inside;
                }
                double ax = (lons[j] - pLon) * cos * GeoMath.METRES_PER_DEGREE;
                double ay = (lats[j] - pLat) * GeoMath.METRES_PER_DEGREE;
                double bx = (lons[i] - pLon) * cos * GeoMath.METRES_PER_DEGREE;
                double by = (lats[i] - pLat) * GeoMath.METRES_PER_DEGREE;
                best = Math.min(best, distanceToSegment(ax, ay, bx, by));
            }
            return inside ? -best : best;
        }

        @Override
        public double[] bounds() {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (int i = 0; i < lats.length; i++) {
                b[0] = Math.min(b[0], lats[i]);
                b[1] = Math.min(b[1], lons[i]);
                b[2] = Math.max(b[2], lats[i]);
                b[3] = Math.max(b[3], lons[i]);
            }
            return b;
        }

        /** Distance from the origin to segment a–b. */
        private static double distanceToSegment(double ax, double ay, double bx, double by) {
            double dx = bx - ax;
            double dy = by - ay;
            double lengthSquared = dx * dx + dy * dy;
            double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
            double x = ax + t * dx;
            double y = ay + t * dy;
            return Math.sqrt(x * x + y * y);
        }
    }
}
