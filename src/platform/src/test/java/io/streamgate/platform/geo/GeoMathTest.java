package io.streamgate.platform.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeoMathTest {

    @Test
    void oneDegreeOfLatitudeIsSixtyNauticalMiles() {
        assertEquals(60.04, GeoMath.distanceNm(47.0, 8.0, 48.0, 8.0), 0.05);
    }

    @Test
    void longitudeShrinksWithTheCosineOfLatitude() {
        assertEquals(60.04 * Math.cos(Math.toRadians(65)), GeoMath.distanceNm(65.0, 10.0, 65.0, 11.0), 0.1);
    }

    @Test
    void theShortWayAcrossTheAntimeridian() {
        assertEquals(60.04 * Math.cos(Math.toRadians(10)), GeoMath.distanceNm(10.0, 179.5, 10.0, -179.5), 0.1);
        assertEquals(90.0, GeoMath.bearingDeg(0.0, 179.5, 0.0, -179.5), 0.01);
    }

    @Test
    void bearingsAndCompassPoints() {
        assertEquals(0.0, GeoMath.bearingDeg(47.0, 8.0, 48.0, 8.0), 1e-9);
        assertEquals(180.0, GeoMath.bearingDeg(48.0, 8.0, 47.0, 8.0), 1e-9);
        assertEquals(270.0, GeoMath.bearingDeg(0.0, 8.0, 0.0, 7.0), 1e-9);
        assertEquals("N", GeoMath.compass16(359.0));
        assertEquals("NNE", GeoMath.compass16(22.5));
        assertEquals("NE", GeoMath.compass16(45));
        assertEquals("WNW", GeoMath.compass16(292.5));
        assertEquals(315.0, GeoMath.normalize(-45.0), 1e-9);
    }
}
