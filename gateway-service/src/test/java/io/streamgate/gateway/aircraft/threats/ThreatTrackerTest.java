package io.streamgate.gateway.aircraft.threats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.aviation.AircraftPosition;

class ThreatTrackerTest {

    private static final double USER_LAT = 47.0;
    private static final double USER_LON = 8.0;

    @Test
    void aircraftOutsideTheRadiusAreLeftOutAndTheNearestComesFirst() {
        ThreatTracker tracker = new ThreatTracker(50);
        List<Threat> threats = tracker.assess(List.of(at("far", 47.5), at("near", 47.05), at("out", 48.0)),
                USER_LAT, USER_LON, 0, 40);

        assertEquals(List.of("near", "far"), threats.stream().map(t -> t.aircraft().hex()).toList());
        assertEquals(3.0, threats.get(0).distanceNm(), 0.01);
        assertEquals("N", threats.get(0).direction());
        assertEquals(0.0, threats.get(0).bearing(), 1e-6);
    }

    @Test
    void theTrendFollowsTheDistanceWithHysteresis() {
        ThreatTracker tracker = new ThreatTracker(50);
        assertEquals(Threat.Trend.UNKNOWN, tracker.assess(List.of(at("a", 47.10)), USER_LAT, USER_LON, 0, 25)
                .get(0).trend());
        assertEquals(Threat.Trend.APPROACHING, tracker.assess(List.of(at("a", 47.09)), USER_LAT, USER_LON, 0, 25)
                .get(0).trend(), "0.6 nm closer");
        assertEquals(Threat.Trend.HOLDING, tracker.assess(List.of(at("a", 47.0905)), USER_LAT, USER_LON, 0, 25)
                .get(0).trend(), "0.03 nm is within the hysteresis");
        assertEquals(Threat.Trend.DEPARTING, tracker.assess(List.of(at("a", 47.12)), USER_LAT, USER_LON, 0, 25)
                .get(0).trend());
    }

    @Test
    void relativeBearingIsMeasuredFromTheUsersHeading() {
        Threat east = new ThreatTracker(50).assess(List.of(atLon("e", 8.1)), USER_LAT, USER_LON, 90, 25).get(0);
        assertEquals(0.0, angleBetween(0.0, east.relativeBearing()), 0.1, "dead ahead when heading east");
        Threat ahead = new ThreatTracker(50).assess(List.of(atLon("e", 8.1)), USER_LAT, USER_LON, 135, 25).get(0);
        assertEquals(0.0, angleBetween(315.0, ahead.relativeBearing()), 0.1);
    }

    @Test
    void levelsFromDistanceAndTrend() {
        assertEquals(Threat.Level.CRITICAL, ThreatTracker.level(0.8, Threat.Trend.DEPARTING));
        assertEquals(Threat.Level.CRITICAL, ThreatTracker.level(2.5, Threat.Trend.APPROACHING));
        assertEquals(Threat.Level.WARNING, ThreatTracker.level(2.5, Threat.Trend.HOLDING));
        assertEquals(Threat.Level.WARNING, ThreatTracker.level(8, Threat.Trend.APPROACHING));
        assertEquals(Threat.Level.INFO, ThreatTracker.level(8, Threat.Trend.DEPARTING));
    }

    @Test
    void theListIsCapped() {
        List<AircraftPosition> many = IntStream.range(0, 10)
                .mapToObj(i -> at("h" + i, 47.0 + i * 0.01)).toList();
        assertEquals(3, new ThreatTracker(3).assess(many, USER_LAT, USER_LON, 0, 25).size());
    }

    private static double angleBetween(double a, double b) {
        double difference = Math.abs(a - b) % 360;
        return Math.min(difference, 360 - difference);
    }

    private static AircraftPosition at(String hex, double lat) {
        return new AircraftPosition(hex, "T" + hex, lat, USER_LON, 1500, false, null, 80.0, 180.0, 0, null, null,
                null, "A7", false, null, null, null, 0.1, false, Instant.now());
    }

    private static AircraftPosition atLon(String hex, double lon) {
        return new AircraftPosition(hex, "T" + hex, USER_LAT, lon, 1500, false, null, 80.0, 180.0, 0, null, null,
                null, "A7", false, null, null, null, 0.1, false, Instant.now());
    }
}
