package io.streamgate.safety.aviation.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeoMathTest {

    @Test
    void aDegreeOfLatitudeIsSixtyNauticalMiles() {
        assertEquals(60.04, GeoMath.distanceNm(0, 0, 1, 0), 0.01);
        assertEquals(60.04, GeoMath.distanceNm(46, 8, 47, 8), 0.01);
    }

    @Test
    void zurichToGenevaIsAboutOneHundredTwentyFourMiles() {
        assertEquals(124.34, GeoMath.distanceNm(47.4647, 8.5492, 46.2381, 6.1090), 0.01);
    }

    @Test
    void aDegreeOfLongitudeShrinksWithTheCosineOfLatitude() {
        assertEquals(60.04 * Math.cos(Math.toRadians(65)), GeoMath.distanceNm(65, 10, 65, 11), 0.02);
    }

    @Test
    void distancesAcrossTheAntimeridianAreShort() {
        assertEquals(12.01, GeoMath.distanceNm(0, 179.9, 0, -179.9), 0.01);
        assertEquals(0.2, GeoMath.lonDelta(179.9, -179.9), 1e-9);
        assertEquals(-0.2, GeoMath.lonDelta(-179.9, 179.9), 1e-9);
    }

    @Test
    void bearingsAreTrueAndWrapAcrossTheAntimeridian() {
        assertEquals(0, GeoMath.bearingDeg(46, 8, 47, 8), 1e-9);
        assertEquals(90, GeoMath.bearingDeg(0, 10, 0, 11), 1e-9);
        assertEquals(180, GeoMath.bearingDeg(47, 8, 46, 8), 1e-9);
        assertEquals(270, GeoMath.bearingDeg(0, 11, 0, 10), 1e-9);
        assertEquals(90, GeoMath.bearingDeg(0, 179.9, 0, -179.9), 1e-9);
    }

    @Test
    void destinationGoesTheDistanceAlongTheBearing() {
        LatLon there = GeoMath.destination(47, 8, 45, 100);
        assertEquals(100, GeoMath.distanceNm(47, 8, there.lat(), there.lon()), 1e-6);
        assertEquals(45, GeoMath.bearingDeg(47, 8, there.lat(), there.lon()), 1e-6);
        LatLon east = GeoMath.destination(0, 179.95, 90, 6);
        assertEquals(-179.95, east.lon(), 1e-3);
    }

    @Test
    void longitudesAreNormalisedToMinus180To180() {
        assertEquals(-170, GeoMath.normalizeLon(190), 1e-9);
        assertEquals(-180, GeoMath.normalizeLon(180), 1e-9);
        assertEquals(-180, GeoMath.normalizeLon(-180), 1e-9);
        assertEquals(10, GeoMath.normalizeLon(370), 1e-9);
        assertEquals(350, GeoMath.normalizeBearing(-10), 1e-9);
    }
}
