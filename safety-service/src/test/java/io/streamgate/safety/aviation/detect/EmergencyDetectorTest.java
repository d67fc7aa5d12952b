package io.streamgate.safety.aviation.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.Fix;

class EmergencyDetectorTest {

    private final EngineRun run = new EngineRun();
    private final Fix aircraft = Fix.of("4b1805").flight("SWR123").at(47.0, 8.0).altitude(10000);

    @Test
    void a7700SquawkRaisesOneCriticalEventAtOnceForTheWholeEpisode() {
        Fix squawking = aircraft.squawk("7700").emergency("general");
        List<Emission> first = run.feed(squawking);
        assertEquals(1, first.size(), "raised on the first position, no confirmation");
        for (int i = 1; i <= 5; i++) {
            assertTrue(run.feed(squawking.after(i)).isEmpty(), "one event per episode, not per position");
        }

        SafetyEvent event = first.get(0).event();
        assertEquals(SafetyEvent.TYPE_EMERGENCY_SQUAWK, event.eventType());
        assertEquals(SafetyEvent.CRITICAL, event.severity());
        assertEquals("4b1805", event.icaoHex());
        assertEquals("SWR123", event.callsign());
        assertNull(event.icaoHex2());
        assertEquals("Emergency squawk 7700 detected", event.message());
        assertEquals("7700", event.details().get("squawk"));
        assertEquals(10000, event.details().get("altitude"));
        assertEquals(Map.of("lat", 47.0, "lon", 8.0), event.details().get("position"));
        assertTrue(event.active());
        assertFalse(event.acknowledged());
        assertEquals(squawking.time(), event.firstSeen());
        assertEquals("default", first.get(0).tenant());
    }

    @ParameterizedTest
    @CsvSource({"7500, critical, Hijack squawk 7500 detected", "7600, high, Radio failure squawk 7600 detected",
        "7700, critical, Emergency squawk 7700 detected"})
    void eachEmergencySquawkHasItsSeverity(String squawk, String severity, String message) {
        SafetyEvent event = run.feed(aircraft.squawk(squawk)).get(0).event();
        assertEquals(severity, event.severity());
        assertEquals(message, event.message());
    }

    @ParameterizedTest
    @CsvSource({"minfuel, high", "lifeguard, medium", "downed, critical", "unlawful, critical", "nordo, high"})
    void anEmergencyStatusWithoutASquawkIsAnEmergencyEvent(String status, String severity) {
        SafetyEvent event = run.feed(aircraft.emergency(status)).get(0).event();
        assertEquals(SafetyEvent.TYPE_EMERGENCY, event.eventType());
        assertEquals(severity, event.severity());
        assertEquals(status, event.details().get("emergency"));
    }

    @Test
    void theEpisodeEndsWhenTheSquawkDoesWithTheSameId() {
        Fix squawking = aircraft.squawk("7700");
        long id = run.feed(squawking).get(0).event().id();
        run.feed(squawking.after(1));
        assertTrue(run.feed(squawking.after(2).squawk("1000")).isEmpty(), "one normal squawk may be a garble");
        List<Emission> ended = run.feed(squawking.after(3).squawk("1000"));

        assertEquals(1, ended.size());
        SafetyEvent end = ended.get(0).event();
        assertEquals(id, end.id());
        assertFalse(end.active());
        assertEquals("ended", end.details().get("end_reason"));
        assertEquals(squawking.after(1).time(), end.lastSeen());
        assertEquals(squawking.after(3).time(), end.timestamp());
        assertEquals(1, ended.get(0).revision());
    }

    @Test
    void aPositionWithoutSquawkOrStatusSaysNothing() {
        Fix squawking = aircraft.squawk("7700");
        run.feed(squawking);
        for (int i = 1; i <= 5; i++) {
            assertTrue(run.feed(squawking.after(i).squawk(null)).isEmpty());
        }
        assertTrue(run.ended(SafetyEvent.TYPE_EMERGENCY_SQUAWK).isEmpty());
    }

    @Test
    void aChangeOfEmergencyEndsOneEpisodeAndOpensAnother() {
        long first = run.feed(aircraft.squawk("7600")).get(0).event().id();
        List<Emission> changed = run.feed(aircraft.after(1).squawk("7700"));

        assertEquals(2, changed.size());
        assertEquals(first, changed.get(0).event().id());
        assertEquals("changed", changed.get(0).event().details().get("end_reason"));
        assertEquals(SafetyEvent.CRITICAL, changed.get(1).event().severity());
        assertNotEquals(first, changed.get(1).event().id());
    }

    @Test
    void thereIsNoCooldownASecondEmergencyIsRaisedAtOnce() {
        run.feed(aircraft.squawk("7700"));
        run.feed(aircraft.after(1).squawk("2000"), aircraft.after(2).squawk("2000"));
        List<Emission> again = run.feed(aircraft.after(3).squawk("7700"));
        assertEquals(1, again.size());
        assertTrue(again.get(0).event().active());
        assertEquals(2, run.raised(SafetyEvent.TYPE_EMERGENCY_SQUAWK).size());
    }

    @Test
    void aStalePositionStillCarriesTheSquawk() {
        SafetyEvent event = run.feed(aircraft.squawk("7700").stale(true)).get(0).event();
        assertEquals(Boolean.TRUE, event.details().get("position_stale"));
    }

    @Test
    void aGhostShadowingTheRealAircraftRaisesNothing() {
        Fix real = aircraft.squawk("7700");
        Fix ghost = Fix.of("~4b1805").at(47.0005, 8.0005).altitude(10025).squawk("7700");
        run.feed(real);
        assertTrue(run.feed(ghost.time(real.time().plusMillis(300))).isEmpty());
        assertEquals(1, run.raised(SafetyEvent.TYPE_EMERGENCY_SQUAWK).size());
    }

    @Test
    void silenceEndsTheEpisodeAfterTheAircraftTimeout() {
        Fix squawking = aircraft.squawk("7700");
        run.feed(squawking);
        assertTrue(run.sweep(squawking.time().plusSeconds(59)).isEmpty());
        List<Emission> swept = run.sweep(squawking.time().plusSeconds(61));
        assertEquals(1, swept.size());
        assertFalse(swept.get(0).event().active());
        assertEquals("timeout", swept.get(0).event().details().get("end_reason"));
        assertEquals(0, run.engine.trackedAircraft());
        assertEquals(0, run.engine.openEpisodes());
    }

    @Test
    void aRebalanceHandsTheEpisodeOver() {
        run.feed(aircraft.squawk("7700"));
        List<Emission> released = run.engine.release(p -> p == 0, aircraft.time().plusSeconds(1));
        assertEquals(1, released.size());
        assertEquals("handover", released.get(0).event().details().get("end_reason"));
        assertEquals(0, run.engine.openEpisodes());
    }

    @Test
    void anOldOrRepeatedPositionChangesNothing() {
        run.feed(aircraft.after(5));
        assertTrue(run.feed(aircraft.squawk("7700")).isEmpty(), "older than the latest fix");
        assertTrue(run.feed(aircraft.after(5).squawk("7700")).isEmpty(), "a duplicate of the latest fix");
    }
}
