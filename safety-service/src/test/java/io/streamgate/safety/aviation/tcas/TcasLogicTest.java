package io.streamgate.safety.aviation.tcas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.streamgate.safety.aviation.geo.RelativeMotion;

class TcasLogicTest {

    /** 600 kt closure in nm/s. */
    private static final double CLOSING = 600 / 3600.0;
    private static final SensitivityLevel FL150 = SensitivityLevel.forAltitude(15000);

    private final TcasLogic tcas = new TcasLogic(true);

    @Test
    void modifiedTauIsDmodSquaredMinusRangeSquaredOverRangeTimesRangeRate() {
        RelativeMotion fourMilesHeadOn = new RelativeMotion(4, 0, 0, -CLOSING, 0, 0);
        // (0.8² − 4²) / (4 × −600/3600) = 23.04 s
        assertEquals(23.04, TcasLogic.modifiedTau(fourMilesHeadOn, 0.8), 1e-9);
        assertEquals(35.36, TcasLogic.modifiedTau(new RelativeMotion(6, 0, 0, -CLOSING, 0, 0), 0.8), 1e-9);
    }

    @Test
    void tauIsZeroInsideDmodAndInfiniteWhenNotClosing() {
        assertEquals(0, TcasLogic.modifiedTau(new RelativeMotion(0.5, 0, 0, CLOSING, 0, 0), 0.8));
        assertEquals(Double.POSITIVE_INFINITY, TcasLogic.modifiedTau(new RelativeMotion(3, 0, 0, CLOSING, 0, 0), 0.8));
        assertEquals(Double.POSITIVE_INFINITY, TcasLogic.modifiedTau(new RelativeMotion(3, 0, 0, 0, 0, 0), 0.8));
    }

    @Test
    void timeToCoAltitudeOnlyWhileClosingVertically() {
        assertEquals(20, TcasLogic.timeToCoAltitude(new RelativeMotion(4, 0, 2000, 0, 0, -100)), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, TcasLogic.timeToCoAltitude(new RelativeMotion(4, 0, 2000, 0, 0, 100)));
        assertEquals(0, TcasLogic.timeToCoAltitude(new RelativeMotion(4, 0, 0, 0, 0, 0)));
    }

    @Test
    void coAltitudeHeadOnAtFourMilesIsAResolutionAdvisory() {
        assertEquals(Advisory.RA, tcas.advisory(new RelativeMotion(4, 0, 0, -CLOSING, 0, 0), FL150));
    }

    @Test
    void atSixMilesTheSamePairIsOnlyATrafficAdvisory() {
        // TA tau (1² − 36)/(−1) = 35 s ≤ 45; RA tau 35.4 s > 30.
        assertEquals(Advisory.TA, tcas.advisory(new RelativeMotion(6, 0, 0, -CLOSING, 0, 0), FL150));
    }

    @Test
    void farAwayTrafficIsNoThreat() {
        assertEquals(Advisory.NONE, tcas.advisory(new RelativeMotion(10, 0, 0, -CLOSING, 0, 0), FL150));
    }

    @Test
    void theVerticalTestMustPassToo() {
        RelativeMotion twoThousandFeetApartLevel = new RelativeMotion(4, 0, 2000, -CLOSING, 0, 0);
        assertTrue(tcas.horizontal(twoThousandFeetApartLevel, FL150.ra()));
        assertEquals(Advisory.NONE, tcas.advisory(twoThousandFeetApartLevel, FL150));
    }

    @Test
    void aClimbTowardsTheOtherAircraftPassesTheVerticalTest() {
        // 2000 ft apart, closing at 100 ft/s: co-altitude in 20 s, within the RA's 30 s.
        RelativeMotion climbing = new RelativeMotion(4, 0, 2000, -CLOSING, 0, -100);
        assertEquals(Advisory.RA, tcas.advisory(climbing, FL150));
    }

    @Test
    void insideDmodIsAThreatEvenWhenMovingApart() {
        assertEquals(Advisory.RA, tcas.advisory(new RelativeMotion(0.5, 0, 100, CLOSING, 0, 0), FL150));
    }

    @Test
    void belowOneThousandFeetThereAreNoResolutionAdvisories() {
        assertEquals(Advisory.TA, tcas.advisory(new RelativeMotion(0.2, 0, 0, -CLOSING, 0, 0),
                SensitivityLevel.forAltitude(800)));
    }

    @Test
    void theMissDistanceFilterDropsTrafficPassingMilesAbeam() {
        // Head-on with a 2 nm lateral offset: TA tau (1 − 29)/(−0.833) = 33.6 s, but the miss distance is 2 nm.
        RelativeMotion abeam = new RelativeMotion(5, 2, 0, -CLOSING, 0, 0);
        assertEquals(2, TcasLogic.missDistance(abeam), 1e-9);
        assertFalse(tcas.horizontal(abeam, FL150.ta()));
        assertEquals(Advisory.NONE, tcas.advisory(abeam, FL150));
        assertEquals(Advisory.TA, new TcasLogic(false).advisory(abeam, FL150));
    }
}
