package io.streamgate.safety.aviation.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.safety.aviation.Emission;
import io.streamgate.safety.aviation.Fix;

class ProximityDetectorTest {

    private final EngineRun run = new EngineRun();

    /** West-bound and east-bound at 300 kt each, {@code distance} nm apart, co-altitude. */
    private static Fix[] headOn(double lat, double lon, double distance, int altitude) {
        Fix west = Fix.of("4b1801").flight("SWR1").at(lat, lon).altitude(altitude).track(90).speed(300.0);
        Fix east = Fix.of("3c6401").flight("DLH2").from(lat, lon, 90, distance).altitude(altitude).track(270)
                .speed(300.0);
        return new Fix[] {west, east};
    }

    private Set<String> typesRaised() {
        return run.published.stream().filter(e -> e.revision() == 0).map(e -> e.event().eventType())
                .collect(Collectors.toSet());
    }

    @Test
    void oneLookAtAConvergingPairRaisesNothingYet() {
        Fix[] pair = headOn(46, 8, 4, 15000);
        run.feed(pair[0], pair[1]);
        assertTrue(run.published.isEmpty(), "M-of-N: one evaluation is not a confirmation");
    }

    @Test
    void aConvergingPairRaisesTrafficAndResolutionAdvisoriesAndAConflict() {
        Fix[] pair = headOn(46, 8, 6, 15000);
        run.fly(pair[0], pair[1], 8);

        assertEquals(Set.of(SafetyEvent.TYPE_TCAS_TA, SafetyEvent.TYPE_TCAS_RA, SafetyEvent.TYPE_PROXIMITY_CONFLICT),
                typesRaised());
        SafetyEvent ta = run.raised(SafetyEvent.TYPE_TCAS_TA).get(0);
        SafetyEvent ra = run.raised(SafetyEvent.TYPE_TCAS_RA).get(0);
        assertEquals(SafetyEvent.MEDIUM, ta.severity());
        assertEquals(SafetyEvent.HIGH, ra.severity());
        assertEquals(1, run.raised(SafetyEvent.TYPE_TCAS_RA).size(), "one event per episode");
        for (SafetyEvent event : List.of(ta, ra)) {
            assertEquals("3c6401", event.icaoHex(), "the hex that sorts first");
            assertEquals("4b1801", event.icaoHex2());
            assertEquals("DLH2", event.callsign());
            assertEquals("SWR1", event.callsign2());
            assertTrue(event.active());
            assertEquals(6, event.details().get("sensitivity_level"));
            assertNotNull(event.details().get("tau_s"));
            assertNotNull(event.details().get("cpa"));
            assertNotNull(event.details().get("position_2"));
        }
        assertTrue(ra.message().startsWith("TCAS Resolution Advisory - "), ra.message());
        assertEquals(Map.of("tau_s", 30.0, "dmod_nm", 0.8, "zthr_ft", 600L), ra.details().get("thresholds"));
        assertTrue((Double) ra.details().get("tau_s") <= 30.0);
        assertTrue(ta.timestamp().isBefore(ra.timestamp()), "the traffic advisory comes first");
        assertTrue(ta.firstSeen().isBefore(ta.timestamp()), "first seen on the first of the confirming looks");
    }

    @Test
    void whenThePairSeparatesEveryEpisodeEndsWithItsId() {
        Fix[] pair = headOn(46, 8, 6, 15000);
        run.fly(pair[0], pair[1], 60);

        List<SafetyEvent> raised = run.published.stream().filter(e -> e.revision() == 0).map(Emission::event).toList();
        assertEquals(3, raised.size());
        for (SafetyEvent event : raised) {
            List<SafetyEvent> ends = run.all().stream().filter(e -> e.id() == event.id() && !e.active()).toList();
            assertEquals(1, ends.size(), event.eventType() + " ends once");
            assertEquals("separated", ends.get(0).details().get("end_reason"));
            assertTrue(ends.get(0).lastSeen().isBefore(ends.get(0).timestamp()));
        }
        assertEquals(0, run.engine.openEpisodes());
    }

    @Test
    void aPairDoesNotRaiseAgainDuringItsCooldown() {
        Fix[] pair = headOn(46, 8, 6, 15000);
        Fix[] after = run.fly(pair[0], pair[1], 60);
        Instant ended = run.ended(SafetyEvent.TYPE_PROXIMITY_CONFLICT).get(0).timestamp();

        // Turned round, 20 nm apart and converging again: a conflict is predicted at once.
        Fix[] again = headOn(46, 8, 20, 15000);
        Fix a = again[0].time(after[0].time());
        Fix b = again[1].time(after[1].time());
        run.fly(a, b, 70);

        List<SafetyEvent> conflicts = run.raised(SafetyEvent.TYPE_PROXIMITY_CONFLICT);
        assertEquals(2, conflicts.size());
        assertFalse(conflicts.get(1).timestamp().isBefore(ended.plusSeconds(60)),
                "the second conflict waits for the 60 s cooldown: " + conflicts.get(1).timestamp() + " vs " + ended);
    }

    @Test
    void aPredictedConflictEscalatesWhenSeparationIsLost() {
        Fix[] pair = headOn(46, 8, 20, 15000);
        run.fly(pair[0], pair[1], 95);

        List<SafetyEvent> conflict = run.events(SafetyEvent.TYPE_PROXIMITY_CONFLICT);
        assertEquals(SafetyEvent.MEDIUM, conflict.get(0).severity());
        assertTrue(conflict.get(0).message().startsWith("Proximity conflict: "), conflict.get(0).message());
        assertEquals(Boolean.FALSE, conflict.get(0).details().get("separation_lost"));
        double timeToLoss = (Double) conflict.get(0).details().get("time_to_loss_s");
        assertTrue(timeToLoss > 80 && timeToLoss < 90, "15 nm at 600 kt: " + timeToLoss);
        SafetyEvent escalated = conflict.get(1);
        assertEquals(conflict.get(0).id(), escalated.id());
        assertEquals(SafetyEvent.HIGH, escalated.severity());
        assertTrue(escalated.active());
        assertTrue(escalated.message().startsWith("Separation lost: "), escalated.message());
        assertTrue(run.raised(SafetyEvent.TYPE_TCAS_TA).get(0).timestamp().isAfter(conflict.get(0).timestamp()),
                "the two-minute look-ahead warns long before TCAS would");
    }

    @Test
    void divergingAircraftRaiseNothing() {
        Fix a = Fix.of("4b1801").at(46, 8).track(270);
        Fix b = Fix.of("3c6401").from(46, 8, 90, 3).track(90);
        run.fly(a, b, 30);
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void aFormationRaisesNothing() {
        Fix lead = Fix.of("4b1801").at(46, 8).track(0).speed(300.0);
        Fix wing = Fix.of("3c6401").from(46, 8, 90, 0.3).track(0).speed(320.0);
        run.fly(lead, wing, 30);
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void theSameAircraftAsAFasterPairWouldRaise() {
        Fix lead = Fix.of("4b1801").at(46, 8).track(0).speed(300.0);
        Fix crossing = Fix.of("3c6401").from(46, 8, 90, 0.3).track(330).speed(300.0);
        run.fly(lead, crossing, 5);
        assertFalse(run.raised(SafetyEvent.TYPE_TCAS_RA).isEmpty(), "the control case of the formation filter");
    }

    @Test
    void aGhostOnTopOfItsAircraftRaisesNothing() {
        Fix real = Fix.of("4b1801").at(46, 8).track(90).speed(300.0);
        Fix ghost = Fix.of("~4b1801").from(46, 8, 0, 0.03).altitude(15050).track(100).speed(250.0);
        run.fly(real, ghost, 3);
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void theSameGeometryWithAnIcaoAddressIsATrafficConflict() {
        Fix real = Fix.of("4b1801").at(46, 8).track(90).speed(300.0);
        Fix other = Fix.of("4b1802").from(46, 8, 0, 0.03).altitude(15050).track(100).speed(250.0);
        run.fly(real, other, 3);
        assertFalse(run.raised(SafetyEvent.TYPE_TCAS_RA).isEmpty(), "the control case of the ghost filter");
    }

    @Test
    void aGhostDoesNotDuplicateItsAircraftsConflicts() {
        Fix[] pair = headOn(46, 8, 5, 15000);
        Fix ghost = Fix.of("~4b1801").from(46, 8, 0, 0.03).altitude(15050).track(95).speed(290.0);
        for (int i = 0; i < 8; i++) {
            run.feed(pair[0].after(i), ghost.after(i), pair[1].after(i));
        }
        assertFalse(run.raised(SafetyEvent.TYPE_TCAS_RA).isEmpty());
        assertTrue(run.all().stream().noneMatch(e -> e.icaoHex().startsWith("~")
                || e.icaoHex2() != null && e.icaoHex2().startsWith("~")),
                run.all().toString());
    }

    @Test
    void staleFixesRaiseNothing() {
        Fix[] pair = headOn(46, 8, 4, 15000);
        run.fly(pair[0], pair[1].stale(true), 5);
        assertTrue(run.published.isEmpty(), "ingest marked one of them stale");

        EngineRun late = new EngineRun();
        for (int i = 0; i < 5; i++) {
            Instant now = pair[0].after(i).time().plusSeconds(20);
            late.feedAt(now, pair[0].after(i));
            late.feedAt(now, pair[1].after(i));
        }
        assertTrue(late.published.isEmpty(), "20 s old by the engine's clock");
    }

    @Test
    void slowTargetsRaiseNothing() {
        Fix a = Fix.of("4b1801").at(46, 8).altitude(1500).track(90).speed(35.0);
        Fix b = Fix.of("3c6401").from(46, 8, 90, 0.3).altitude(1500).track(270).speed(35.0);
        run.fly(a, b, 10);
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void aircraftOnTheGroundRaiseNothing() {
        Fix a = Fix.of("4b1801").at(47.45, 8.55).onGround().track(90).speed(60.0);
        Fix b = Fix.of("3c6401").from(47.45, 8.55, 90, 0.3).onGround().track(270).speed(60.0);
        run.fly(a, b, 10);
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void levelTrafficTwoThousandFeetApartRaisesNothing() {
        Fix[] pair = headOn(46, 8, 6, 15000);
        run.fly(pair[0], pair[1].altitude(17000), 60);
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void levelTrafficAtAdjacentLevelsWithRateNoiseRaisesNothing() {
        // ADS-B rates come in 64 ft/min steps; taken at face value, ±128 ft/min reported by two level aircraft
        // would bring 1000 ft down to 900 within 24 s, while they are laterally inside 5 nm from 30 s to 90 s.
        Fix[] pair = headOn(46, 8, 10, 35000);
        for (int i = 0; i < 60; i++) {
            run.feed(pair[0].after(i).rate(128), pair[1].altitude(36000).after(i).rate(-128));
        }
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void aRealClimbTowardsTheOtherLevelIsAConflict() {
        Fix[] pair = headOn(46, 8, 10, 35000);
        run.fly(pair[0].rate(1500), pair[1].altitude(36000), 5);
        assertFalse(run.raised(SafetyEvent.TYPE_PROXIMITY_CONFLICT).isEmpty(), "the control case of the dead band");
    }

    @Test
    void pairsAreFormedWithinATenantOnly() {
        Fix[] pair = headOn(46, 8, 4, 15000);
        for (int i = 0; i < 10; i++) {
            run.feedAs("acme", pair[0].after(i));
            run.feedAs("default", pair[1].after(i));
        }
        assertTrue(run.published.isEmpty(), run.all().toString());
    }

    @Test
    void aPairAt65NorthIsFound() {
        Fix[] pair = headOn(65, 10, 6, 35000);
        run.fly(pair[0], pair[1], 8);
        assertEquals(7, run.raised(SafetyEvent.TYPE_TCAS_RA).get(0).details().get("sensitivity_level"));
    }

    @Test
    void aPairAcrossTheAntimeridianIsFound() {
        Fix[] pair = headOn(10, 179.95, 6, 35000);
        assertTrue(pair[1].position().lon() < 0, "the second aircraft is west of the antimeridian's far side");
        run.fly(pair[0], pair[1], 8);
        assertFalse(run.raised(SafetyEvent.TYPE_TCAS_RA).isEmpty());
    }

    @Test
    void whenBothFallSilentTheSweepEndsTheirEpisodes() {
        Fix[] pair = headOn(46, 8, 5, 15000);
        Fix[] after = run.fly(pair[0], pair[1], 3);
        assertEquals(3, run.engine.openEpisodes());

        List<Emission> swept = run.sweep(after[1].time().plusSeconds(16));
        assertEquals(3, swept.size());
        assertTrue(swept.stream().allMatch(e -> !e.event().active()
                && "stale".equals(e.event().details().get("end_reason"))));
        assertEquals(0, run.engine.openEpisodes());
    }

    @Test
    void aRebalanceEndsTheirEpisodes() {
        Fix[] pair = headOn(46, 8, 5, 15000);
        Fix[] after = run.fly(pair[0], pair[1], 3);
        List<Emission> released = run.engine.release(p -> true, after[0].time());
        assertEquals(3, released.size());
        assertTrue(released.stream().allMatch(e -> "handover".equals(e.event().details().get("end_reason"))));
        assertEquals(0, run.engine.trackedAircraft());
    }
}
