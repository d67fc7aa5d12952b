package io.streamgate.platform.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeoMathTest {

    /** Land's End to John o' Groats, the worked example of movable-type.co.uk ("968.9 km", 009°07′11″). */
    private static final double LANDS_END_LAT = 50 + 3 / 60.0 + 59 / 3600.0;
    private static final double LANDS_END_LON = -(5 + 42 / 60.0 + 53 / 3600.0);
    private static final double JOHN_O_GROATS_LAT = 58 + 38 / 60.0 + 38 / 3600.0;
    private static final double JOHN_O_GROATS_LON = -(3 + 4 / 60.0 + 12 / 3600.0);

    @Test
    void landsEndToJohnOGroatsIsTheKnownDistanceAndBearing() {
        assertEquals(968_900, GeoMath.distanceM(LANDS_END_LAT, LANDS_END_LON, JOHN_O_GROATS_LAT, JOHN_O_GROATS_LON),
                100);
        assertEquals(9 + 7 / 60.0 + 11 / 3600.0,
                GeoMath.bearingDeg(LANDS_END_LAT, LANDS_END_LON, JOHN_O_GROATS_LAT, JOHN_O_GROATS_LON), 0.001);
    }

    @Test
    void zurichToGenevaIsAboutOneHundredTwentyFourNauticalMiles() {
        assertEquals(124.34, GeoMath.distanceNm(47.4647, 8.5492, 46.2381, 6.1090), 0.01);
        assertEquals(230_280, GeoMath.distanceM(47.4647, 8.5492, 46.2381, 6.1090), 1);
    }

    @Test
    void metresAndNauticalMilesMeasureTheSameSphere() {
        assertEquals(GeoMath.distanceNm(47, 8, 12, -60) * 1852, GeoMath.distanceM(47, 8, 12, -60), 1e-6);
        assertEquals(GeoMath.NM_PER_DEGREE * 1852, GeoMath.METRES_PER_DEGREE, 1e-9);
    }

    @Test
    void oneDegreeOfLatitudeIsSixtyNauticalMiles() {
        assertEquals(60.04, GeoMath.distanceNm(0, 0, 1, 0), 0.01);
        assertEquals(60.04, GeoMath.distanceNm(47.0, 8.0, 48.0, 8.0), 0.01);
        assertEquals(111_195, GeoMath.distanceM(47.0, 8.0, 48.0, 8.0), 1);
        assertEquals(GeoMath.METRES_PER_DEGREE, GeoMath.distanceM(47.0, 8.0, 48.0, 8.0), 1e-6);
    }

    @Test
    void longitudeShrinksWithTheCosineOfLatitude() {
        assertEquals(60.04 * Math.cos(Math.toRadians(65)), GeoMath.distanceNm(65.0, 10.0, 65.0, 11.0), 0.02);
    }

    @Test
    void quarterAndHalfOfTheEquator() {
        assertEquals(10_007_557, GeoMath.distanceM(0, 0, 0, 90), 1);
        assertEquals(Math.PI * GeoMath.EARTH_RADIUS_M, GeoMath.distanceM(0, 0, 0, 180), 1e-6);
        // Antipodal points: any haversine is good to about a decimetre there, and never fails.
        assertEquals(Math.PI * GeoMath.EARTH_RADIUS_M, GeoMath.distanceM(40, -3, -40, 177), 1);
    }

    @Test
    void theShortWayAcrossTheAntimeridianAndOverThePole() {
        assertEquals(12.01, GeoMath.distanceNm(0, 179.9, 0, -179.9), 0.01);
        assertEquals(22_239, GeoMath.distanceM(0, 179.9, 0, -179.9), 1);
        assertEquals(22_239, GeoMath.distanceM(89.9, 0, 89.9, 180), 1);
        assertEquals(60.04 * Math.cos(Math.toRadians(10)), GeoMath.distanceNm(10.0, 179.5, 10.0, -179.5), 0.1);
        assertEquals(0.2, GeoMath.lonDelta(179.9, -179.9), 1e-9);
        assertEquals(-0.2, GeoMath.lonDelta(-179.9, 179.9), 1e-9);
    }

    @Test
    void bearingsAreTrueAndWrapAcrossTheAntimeridian() {
        assertEquals(0.0, GeoMath.bearingDeg(47.0, 8.0, 48.0, 8.0), 1e-9);
        assertEquals(90.0, GeoMath.bearingDeg(0, 10, 0, 11), 1e-9);
        assertEquals(180.0, GeoMath.bearingDeg(48.0, 8.0, 47.0, 8.0), 1e-9);
        assertEquals(270.0, GeoMath.bearingDeg(0.0, 8.0, 0.0, 7.0), 1e-9);
        assertEquals(90.0, GeoMath.bearingDeg(0.0, 179.5, 0.0, -179.5), 1e-9);
    }

    @Test
    void destinationGoesTheDistanceAlongTheBearing() {
        // movable-type.co.uk: 53°19′14″N 001°43′47″W, 096°01′18″, 124.8 km → 53°11′18″N 000°08′00″E.
        LatLon there = GeoMath.destinationNm(53 + 19 / 60.0 + 14 / 3600.0, -(1 + 43 / 60.0 + 47 / 3600.0),
                96 + 1 / 60.0 + 18 / 3600.0, 124_800 / GeoMath.METRES_PER_NM);
        assertEquals(53 + 11 / 60.0 + 18 / 3600.0, there.lat(), 1 / 3600.0);
        assertEquals(8 / 60.0, there.lon(), 1 / 3600.0);

        LatLon back = GeoMath.destinationNm(47, 8, 45, 100);
        assertEquals(100, GeoMath.distanceNm(47, 8, back.lat(), back.lon()), 1e-6);
        assertEquals(45, GeoMath.bearingDeg(47, 8, back.lat(), back.lon()), 1e-6);
        assertEquals(-179.95, GeoMath.destinationNm(0, 179.95, 90, 6).lon(), 1e-3);
    }

    @Test
    void anglesAreNormalised() {
        assertEquals(-170, GeoMath.normalizeLon(190), 1e-9);
        assertEquals(-180, GeoMath.normalizeLon(180), 1e-9);
        assertEquals(-180, GeoMath.normalizeLon(-180), 1e-9);
        assertEquals(10, GeoMath.normalizeLon(370), 1e-9);
        assertEquals(350, GeoMath.normalizeBearing(-10), 1e-9);
        assertEquals(315.0, GeoMath.normalizeBearing(-45.0), 1e-9);
        assertEquals(0.0, GeoMath.normalizeBearing(720.0), 1e-9);
    }

    @Test
    void compassPoints() {
        assertEquals("N", GeoMath.compass16(359.0));
        assertEquals("NNE", GeoMath.compass16(22.5));
        assertEquals("NE", GeoMath.compass16(45));
        assertEquals("WNW", GeoMath.compass16(292.5));
        assertEquals("S", GeoMath.compass16(-180));
    }
}
