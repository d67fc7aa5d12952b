package io.streamgate.devstack.traffic;

import java.util.List;

/**
 * A fixed area the simulated devices drive through. The safety service's geofence rules (entry and
 * exit events) can be pointed at these; the device paths are laid so that each area is entered and
 * left again in every cycle.
 *
 * @param polygon vertices as {@code {lat, lon}}, not closed (the last vertex joins the first)
 */
public record Geofence(String id, String name, List<double[]> polygon) {

    public static final Geofence ZURICH_AIRPORT = new Geofence("zrh-airport", "Zurich Airport", List.of(
            new double[] {47.4430, 8.5350}, new double[] {47.4430, 8.5720}, new double[] {47.4700, 8.5720},
            new double[] {47.4700, 8.5350}));
    public static final Geofence ZURICH_HB = new Geofence("zurich-hb", "Zürich Hauptbahnhof", List.of(
            new double[] {47.3754, 8.5363}, new double[] {47.3754, 8.5443}, new double[] {47.3804, 8.5443},
            new double[] {47.3804, 8.5363}));
    public static final Geofence ALTSTETTEN_DEPOT = new Geofence("altstetten-depot", "Depot Altstetten", List.of(
            new double[] {47.3890, 8.4848}, new double[] {47.3890, 8.4892}, new double[] {47.3920, 8.4892},
            new double[] {47.3920, 8.4848}));

    public static final List<Geofence> ZURICH = List.of(ZURICH_AIRPORT, ZURICH_HB, ALTSTETTEN_DEPOT);

    public Geofence {
        if (polygon.size() < 3) {
            throw new IllegalArgumentException("a geofence needs at least three vertices");
        }
        polygon = List.copyOf(polygon);
    }

    /** Ray casting on the lat/lon plane: exact enough for areas of a few kilometres. */
    public boolean contains(double lat, double lon) {
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            double[] a = polygon.get(i);
            double[] b = polygon.get(j);
            if ((a[1] > lon) != (b[1] > lon) && lat < (b[0] - a[0]) * (lon - a[1]) / (b[1] - a[1]) + a[0]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
