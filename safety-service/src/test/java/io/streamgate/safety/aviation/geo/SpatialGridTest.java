package io.streamgate.safety.aviation.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.geo.LatLon;

class SpatialGridTest {

    private static final double RADIUS = 40;
    private static final double BAND = 15000;

    private record Point(String name, double lat, double lon, double alt) {
    }

    private final SpatialGrid<Point> grid = new SpatialGrid<>(RADIUS, BAND);

    private Point put(String name, double lat, double lon, double alt) {
        Point p = new Point(name, lat, lon, alt);
        grid.place(p, SpatialGrid.NOWHERE, lat, lon, alt);
        return p;
    }

    private Set<Point> near(Point p) {
        Set<Point> found = new HashSet<>();
        List<Point> visited = new ArrayList<>();
        grid.forEachNear(p.lat(), p.lon(), p.alt(), visited::add);
        found.addAll(visited);
        assertEquals(visited.size(), found.size(), "each item is visited once");
        return found;
    }

    @Test
    void findsANeighbourInTheNextCell() {
        Point a = put("a", 46.0, 8.0, 30000);
        LatLon north = GeoMath.destinationNm(46.0, 8.0, 10, RADIUS * 0.95);
        Point b = put("b", north.lat(), north.lon(), 30500);
        assertTrue(near(a).contains(b));
        assertTrue(near(b).contains(a));
    }

    /**
     * The classic prefilter bug: with square-degree cells, an aircraft 0.93 radius east at 65°N is more
     * than two cells away and a 3×3 lookup misses it.
     */
    @Test
    void findsAnEastWestNeighbourAt65North() {
        Point a = put("a", 65.0, 10.0, 30000);
        double degrees = RADIUS * 0.93 / (GeoMath.NM_PER_DEGREE * Math.cos(Math.toRadians(65)));
        Point b = put("b", 65.0, 10.0 + degrees, 30000);
        double squareCellDegrees = RADIUS / GeoMath.NM_PER_DEGREE;
        assertTrue(degrees > 2 * squareCellDegrees, "a square-degree grid would need more than 3 columns");
        assertTrue(GeoMath.distanceNm(a.lat(), a.lon(), b.lat(), b.lon()) < RADIUS);
        assertTrue(near(a).contains(b));
        assertTrue(near(b).contains(a));
        assertTrue(grid.columnsAt(65) < grid.columnsAt(0), "fewer, wider columns towards the pole");
    }

    @Test
    void findsNeighboursAcrossTheAntimeridian() {
        Point west = put("west", 10.0, 179.8, 35000);
        Point east = put("east", 10.0, -179.8, 35000);
        assertTrue(GeoMath.distanceNm(10, 179.8, 10, -179.8) < RADIUS);
        assertTrue(near(west).contains(east));
        assertTrue(near(east).contains(west));
    }

    @Test
    void findsNeighboursAcrossThePole() {
        Point a = put("a", 89.9, 0, 35000);
        Point b = put("b", 89.9, 180, 35000);
        assertTrue(GeoMath.distanceNm(89.9, 0, 89.9, 180) < RADIUS);
        assertTrue(near(a).contains(b));
    }

    @Test
    void readsTheAdjacentAltitudeBandsOnly() {
        Point a = put("a", 46.0, 8.0, BAND * 2 - 100);
        Point justAbove = put("above", 46.0, 8.0, BAND * 2 + 100);
        Point farAbove = put("far", 46.0, 8.0, BAND * 4 + 100);
        Set<Point> near = near(a);
        assertTrue(near.contains(justAbove));
        assertFalse(near.contains(farAbove), "two bands away cannot be within one band height");
    }

    @Test
    void farAwayAircraftAreNotVisited() {
        Point a = put("a", 46.0, 8.0, 30000);
        LatLon far = GeoMath.destinationNm(46.0, 8.0, 45, RADIUS * 4);
        Point b = put("b", far.lat(), far.lon(), 30000);
        assertFalse(near(a).contains(b));
    }

    @Test
    void anItemMovesBetweenCellsAndCanBeRemoved() {
        Point p = new Point("p", 46.0, 8.0, 30000);
        long cell = grid.place(p, SpatialGrid.NOWHERE, 46.0, 8.0, 30000);
        long same = grid.place(p, cell, 46.001, 8.001, 30010);
        assertEquals(cell, same, "a small move stays in the cell");
        long moved = grid.place(p, same, 50.0, 20.0, 30000);
        assertEquals(1, grid.size());
        Point probeOld = new Point("old", 46.0, 8.0, 30000);
        assertFalse(near(probeOld).contains(p), "gone from the old cell");
        Point probeNew = new Point("new", 50.0, 20.0, 30000);
        assertTrue(near(probeNew).contains(p));
        grid.remove(p, moved);
        assertEquals(0, grid.size());
        assertFalse(near(probeNew).contains(p));
    }

    /** Against brute force: every pair within the radius and band height is found, at every latitude. */
    @ParameterizedTest
    @CsvSource({"0, 0, 10", "46, 8, 6", "65, 10, 10", "80, 20, 30", "-60, -70, 10", "0, 180, 10", "88, 0, 180"})
    void neverMissesAPairWithinReach(double lat, double lon, double spread) {
        Random random = new Random(42);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double pLat = Math.max(-90, Math.min(90, lat + (random.nextDouble() - 0.5) * Math.min(spread, 20)));
            double pLon = GeoMath.normalizeLon(lon + (random.nextDouble() - 0.5) * spread);
            points.add(put("p" + i, pLat, pLon, random.nextDouble() * 45000));
        }
        int pairs = 0;
        for (Point a : points) {
            Set<Point> near = near(a);
            for (Point b : points) {
                if (a != b && GeoMath.distanceNm(a.lat(), a.lon(), b.lat(), b.lon()) <= RADIUS
                        && Math.abs(a.alt() - b.alt()) <= BAND) {
                    pairs++;
                    assertTrue(near.contains(b), a + " misses " + b);
                }
            }
        }
        assertTrue(pairs > 0, "the sample has pairs within reach");
    }
}
