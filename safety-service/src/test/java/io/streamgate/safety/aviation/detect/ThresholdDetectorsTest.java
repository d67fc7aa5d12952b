package io.streamgate.safety.aviation.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.Fix;

class ThresholdDetectorsTest {

    private final EngineRun run = new EngineRun();
    private final Fix low = Fix.of("4b1805").flight("HB-ABC").at(46.5, 7.5).altitude(400).speed(120.0);

    private Fix feedEverySecond(Fix fix, int seconds) {
        for (int i = 0; i < seconds; i++) {
            run.feed(fix);
            fix = fix.after(1);
        }
        return fix;
    }

    @Test
    void anAirborneAircraftBelowTheThresholdRaisesALowAltitudeEventOnceConfirmed() {
        assertTrue(run.feed(low).isEmpty(), "M-of-N: one fix is not enough");
        List<Emission> raised = run.feed(low.after(1));

        assertEquals(1, raised.size());
        SafetyEvent event = raised.get(0).event();
        assertEquals(SafetyEvent.TYPE_LOW_ALTITUDE, event.eventType());
        assertEquals(SafetyEvent.LOW, event.severity());
        assertEquals(400, event.details().get("altitude"));
        assertEquals(500L, event.details().get("threshold_ft"));
        assertEquals(low.time(), event.firstSeen());
        assertEquals("Low altitude: 400 ft, below 500 ft", event.message());
        feedEverySecond(low.after(2), 10);
        assertEquals(1, run.raised(SafetyEvent.TYPE_LOW_ALTITUDE).size(), "one event per episode");
    }

    @Test
    void theLowAltitudeEpisodeEndsAboveThresholdPlusHysteresis() {
        Fix at = feedEverySecond(low, 3);
        at = feedEverySecond(at.altitude(550), 5);
        assertTrue(run.ended(SafetyEvent.TYPE_LOW_ALTITUDE).isEmpty(), "550 ft is inside the 100 ft hysteresis");
        feedEverySecond(at.altitude(700), 3);
        SafetyEvent end = run.ended(SafetyEvent.TYPE_LOW_ALTITUDE).get(0);
        assertEquals("ended", end.details().get("end_reason"));
        assertEquals(run.raised(SafetyEvent.TYPE_LOW_ALTITUDE).get(0).id(), end.id());
    }

    @Test
    void theLowAltitudeCooldownHoldsBackASecondEpisode() {
        Fix at = feedEverySecond(low, 3);
        at = feedEverySecond(at.altitude(800), 3);
        at = feedEverySecond(at.altitude(400), 60);
        assertEquals(1, run.raised(SafetyEvent.TYPE_LOW_ALTITUDE).size(), "within the 300 s cooldown");
        feedEverySecond(at.time(at.time().plusSeconds(300)), 3);
        assertEquals(2, run.raised(SafetyEvent.TYPE_LOW_ALTITUDE).size(), "after it");
    }

    @Test
    void onTheGroundSlowOrStaleIsNotLowFlying() {
        feedEverySecond(low.onGround(), 10);
        feedEverySecond(low.hex("4b1806").speed(25.0), 10);
        feedEverySecond(low.hex("4b1807").stale(true), 10);
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void aLowAltitudeEpisodeEndsWhenTheAircraftLands() {
        Fix at = feedEverySecond(low, 3);
        feedEverySecond(at.onGround(), 3);
        assertEquals(1, run.ended(SafetyEvent.TYPE_LOW_ALTITUDE).size());
    }

    @Test
    void anExtremeDescentRaisesAMediumEventAndEndsBelowThresholdMinusHysteresis() {
        Fix diving = Fix.of("4b1808").at(46, 8).altitude(30000).rate(-7500);
        Fix at = feedEverySecond(diving, 3);
        SafetyEvent event = run.raised(SafetyEvent.TYPE_EXTREME_VERTICAL_RATE).get(0);
        assertEquals(SafetyEvent.MEDIUM, event.severity());
        assertEquals(-7500, event.details().get("vertical_rate"));
        assertEquals("Extreme vertical rate: descending 7500 ft/min, above 6000 ft/min", event.message());

        at = feedEverySecond(at.rate(-5500), 5);
        assertTrue(run.ended(SafetyEvent.TYPE_EXTREME_VERTICAL_RATE).isEmpty(), "inside the hysteresis");
        feedEverySecond(at.rate(-2000), 3);
        assertEquals(1, run.ended(SafetyEvent.TYPE_EXTREME_VERTICAL_RATE).size());
    }

    @Test
    void aSingleVerticalRateSpikeRaisesNothing() {
        Fix level = Fix.of("4b1809").at(46, 8).altitude(30000).rate(0);
        run.feed(level, level.after(1).rate(9000), level.after(2), level.after(3), level.after(4).rate(-9000),
                level.after(5));
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void geometricRateStandsInForAMissingBarometricRate() {
        Fix climbing = Fix.of("4b180a").at(46, 8).altitude(5000).rate(null);
        AircraftPositions.feedWithGeomRate(run, climbing, 7000, 3);
        assertFalse(run.raised(SafetyEvent.TYPE_EXTREME_VERTICAL_RATE).isEmpty());
    }

    @Test
    void staleFixesEndOpenEpisodesOnTheSweep() {
        Fix at = feedEverySecond(low, 3);
        List<Emission> swept = run.sweep(at.time().plusSeconds(16));
        assertEquals(1, swept.size());
        assertEquals("stale", swept.get(0).event().details().get("end_reason"));
        AircraftPosition last = low.after(2).position();
        assertEquals(Map.of("lat", Details.round(last.lat(), 5), "lon", Details.round(last.lon(), 5)),
                swept.get(0).event().details().get("position"), "where it was last seen");
    }
}
