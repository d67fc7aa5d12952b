package io.streamgate.safety.aviation.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClosestApproachTest {

    /** 600 kt in nm/s. */
    private static final double CLOSING = 600 / 3600.0;

    @Test
    void headOnPairsMeetAfterRangeOverClosure() {
        RelativeMotion m = new RelativeMotion(10, 0, 0, -CLOSING, 0, 0);
        ClosestApproach cpa = ClosestApproach.of(m, 120);
        assertEquals(60, cpa.time(), 1e-9);
        assertEquals(0, cpa.distance(), 1e-9);
        assertEquals(0, cpa.score(5, 1000), 1e-9);
    }

    @Test
    void anOffsetTrackPassesAtItsOffset() {
        RelativeMotion m = new RelativeMotion(10, 1, 500, -CLOSING, 0, -5);
        ClosestApproach cpa = ClosestApproach.of(m, 120);
        assertEquals(60, cpa.time(), 1e-9);
        assertEquals(1, cpa.distance(), 1e-9);
        assertEquals(200, cpa.altitudeDiff(), 1e-9);
        assertEquals(0.2, cpa.score(5, 1000), 1e-9);
    }

    @Test
    void divergingAndStationaryPairsAreClosestNow() {
        ClosestApproach diverging = ClosestApproach.of(new RelativeMotion(3, 0, 0, CLOSING, 0, 0), 120);
        assertEquals(0, diverging.time());
        assertEquals(3, diverging.distance(), 1e-9);
        ClosestApproach together = ClosestApproach.of(new RelativeMotion(0.3, 0.1, 0, 0, 0, 0), 120);
        assertEquals(0, together.time());
        assertEquals(Math.hypot(0.3, 0.1), together.distance(), 1e-9);
    }

    @Test
    void theHorizonBoundsTheApproach() {
        ClosestApproach cpa = ClosestApproach.of(new RelativeMotion(30, 0, 0, -CLOSING, 0, 0), 120);
        assertEquals(120, cpa.time(), 1e-9);
        assertEquals(10, cpa.distance(), 1e-9);
    }

    @Test
    void aHeadOnPairLosesSeparationWhenItEntersTheZone() {
        Optional<SeparationForecast.Loss> loss = SeparationForecast.lossWithin(
                new RelativeMotion(20, 0, 0, -CLOSING, 0, 0), 5, 1000, 120);
        assertTrue(loss.isPresent());
        assertEquals(90, loss.get().entry(), 1e-9);
        assertEquals(120, loss.get().exit(), 1e-9, "bounded by the horizon");
        assertFalse(loss.get().current());
    }

    @Test
    void beyondTheHorizonThereIsNoConflict() {
        assertTrue(SeparationForecast.lossWithin(new RelativeMotion(30, 0, 0, -CLOSING, 0, 0), 5, 1000, 120)
                .isEmpty());
    }

    @Test
    void levelTrafficTwoThousandFeetApartNeverConflicts() {
        assertTrue(SeparationForecast.lossWithin(new RelativeMotion(20, 0, 2000, -CLOSING, 0, 0), 5, 1000, 120)
                .isEmpty());
    }

    @Test
    void horizontalAndVerticalMustOverlapInTime() {
        // Laterally inside from 90 s, but the climb brings the other aircraft through the band only
        // between 0 and 40 s: never both at once.
        RelativeMotion m = new RelativeMotion(20, 0, -500, -CLOSING, 0, 1500 / 40.0);
        assertTrue(SeparationForecast.lossWithin(m, 5, 1000, 120).isEmpty());
    }

    @Test
    void aVerticalConvergenceOverTheSameSpotIsAConflict() {
        RelativeMotion m = new RelativeMotion(0.5, 0, 3000, 0, 0, -25);
        SeparationForecast.Loss loss = SeparationForecast.lossWithin(m, 5, 1000, 120).orElseThrow();
        assertEquals(80, loss.entry(), 1e-9);
    }

    @Test
    void aPairInsideTheZoneHasLostSeparationNow() {
        SeparationForecast.Loss loss = SeparationForecast.lossWithin(new RelativeMotion(3, 0, 200, CLOSING, 0, 0), 5,
                1000, 120).orElseThrow();
        assertTrue(loss.current());
        assertEquals(12, loss.exit(), 1e-9);
    }
}
