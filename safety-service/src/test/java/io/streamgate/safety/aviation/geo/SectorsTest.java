package io.streamgate.safety.aviation.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.geo.GeoMath;

/**
 * The promise pair detection rests on: for any two aircraft within reach of each other, each one's copies reach
 * the other's home sector, so the home sector of the lower hex sees both.
 */
class SectorsTest {

    private static final double REACH = 42.5;
    private final Sectors sectors = new Sectors(4 * REACH, REACH);

    @Test
    void everyAircraftWithinReachIsCopiedToTheOthersHomeSector() {
        Random random = new Random(20261203L);
        int checked = 0;
        for (int i = 0; i < 200_000; i++) {
            // Every latitude band, the poles and the antimeridian included.
            double lat = -89.9 + random.nextDouble() * 179.8;
            double lon = -180 + random.nextDouble() * 360;
            double bearing = random.nextDouble() * 360;
            double distance = random.nextDouble() * REACH;
            var other = GeoMath.destinationNm(lat, lon, bearing, distance);
            assertTrue(copies(other.lat(), other.lon()).contains(sectors.home(lat, lon)),
                    () -> "(" + lat + ", " + lon + ") and " + distance + " nm away at " + bearing + "°");
            checked++;
        }
        assertEquals(200_000, checked);
    }

    @Test
    void aPositionFarFromEveryEdgeOfItsSectorIsCopiedNowhereElse() {
        // Near 46°N a reach is 0.71° of latitude and 1.02° of longitude: look for a point whose sector also holds
        // the points somewhat beyond that in every direction.
        for (double lat = 44; lat < 48; lat += 0.25) {
            for (double lon = 0; lon < 10; lon += 0.1) {
                long home = sectors.home(lat, lon);
                boolean inside = true;
                for (double dLat : new double[] {-0.8, 0.8}) {
                    for (double dLon : new double[] {-1.3, 1.3}) {
                        inside &= sectors.home(lat + dLat, lon + dLon) == home;
                    }
                }
                if (inside) {
                    assertEquals(Set.of(home), copies(lat, lon), "at " + lat + ", " + lon);
                    return;
                }
            }
        }
        throw new AssertionError("no point far from the edges: sectors smaller than four reaches?");
    }

    @Test
    void positionsCopyAboutAsOftenAsTheDesignSays() {
        Random random = new Random(7L);
        long copies = 0;
        int positions = 50_000;
        for (int i = 0; i < positions; i++) {
            double lat = 35 + random.nextDouble() * 25;
            double lon = -10 + random.nextDouble() * 40;
            copies += copies(lat, lon).size();
        }
        double perPosition = copies / (double) positions;
        // (1 + 2/k)² = 2.25 for k = 4 with square sectors; the sampled columns and the margin add a little.
        assertTrue(perPosition > 1.5 && perPosition < 3.5, "copies per position: " + perPosition);
    }

    private Set<Long> copies(double lat, double lon) {
        Set<Long> out = new HashSet<>();
        sectors.within(lat, lon, sector -> assertTrue(out.add(sector), "each sector once"));
        return out;
    }
}
