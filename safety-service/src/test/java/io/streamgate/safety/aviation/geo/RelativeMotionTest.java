package io.streamgate.safety.aviation.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.geo.GeoMath;
import io.streamgate.platform.geo.LatLon;

class RelativeMotionTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void deadReckoningMovesAlongTheTrackAndVertically() {
        Kinematics k = new Kinematics(46, 8, 10000, 360, 0, 1200, T);
        Kinematics later = k.at(T.plusSeconds(60));
        assertEquals(6.0, GeoMath.distanceNm(46, 8, later.lat(), later.lon()), 1e-6);
        assertEquals(0, GeoMath.bearingDeg(46, 8, later.lat(), later.lon()), 1e-6);
        assertEquals(11200, later.altitude(), 1e-9);
        assertEquals(T.plusSeconds(60), later.time());
    }

    @Test
    void headOnTrafficClosesAtTheSumOfItsSpeeds() {
        Kinematics west = new Kinematics(46, 8, 15000, 300, 90, 0, T);
        LatLon p = GeoMath.destinationNm(46, 8, 90, 4);
        Kinematics east = new Kinematics(p.lat(), p.lon(), 15500, 300, 270, -500, T);
        RelativeMotion m = RelativeMotion.between(west, east);
        assertEquals(4.0, m.range(), 0.01);
        assertEquals(600, m.closureRateKt(), 1);
        assertEquals(600, m.relativeSpeedKt(), 1);
        assertEquals(500, m.sz(), 1e-9);
        assertEquals(-500 / 60.0, m.vz(), 1e-9);
        assertTrue(m.closingHorizontally());
        assertTrue(m.closingVertically());
    }

    @Test
    void longitudeIsScaledByTheCosineOfLatitude() {
        Kinematics a = new Kinematics(65, 10, 30000, 400, 90, 0, T);
        Kinematics b = new Kinematics(65, 10.1, 30000, 400, 90, 0, T);
        RelativeMotion m = RelativeMotion.between(a, b);
        assertEquals(0.1 * GeoMath.NM_PER_DEGREE * Math.cos(Math.toRadians(65)), m.sx(), 1e-9);
        assertEquals(GeoMath.distanceNm(65, 10, 65, 10.1), m.range(), 0.001);
        assertEquals(0, m.relativeSpeedKt(), 1e-9);
    }

    @Test
    void acrossTheAntimeridianTheOffsetIsTheShortWay() {
        Kinematics west = new Kinematics(10, 179.99, 30000, 450, 90, 0, T);
        Kinematics east = new Kinematics(10, -179.99, 30000, 450, 270, 0, T);
        RelativeMotion m = RelativeMotion.between(west, east);
        assertEquals(0.02 * GeoMath.NM_PER_DEGREE * Math.cos(Math.toRadians(10)), m.sx(), 1e-6);
        assertTrue(m.closingHorizontally());
    }

    @Test
    void aPairFlyingApartIsNotClosing() {
        Kinematics a = new Kinematics(46, 8, 15000, 300, 270, 0, T);
        LatLon p = GeoMath.destinationNm(46, 8, 90, 3);
        Kinematics b = new Kinematics(p.lat(), p.lon(), 15000, 300, 90, 0, T);
        RelativeMotion m = RelativeMotion.between(a, b);
        assertFalse(m.closingHorizontally());
        assertFalse(m.closingVertically());
        assertEquals(-600, m.closureRateKt(), 1);
    }
}
