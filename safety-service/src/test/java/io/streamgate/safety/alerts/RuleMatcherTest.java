package io.streamgate.safety.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.alerts.AlertRule;
import io.streamgate.platform.alerts.AlertRule.Area;
import io.streamgate.platform.alerts.AlertRule.Conditions;
import io.streamgate.platform.alerts.AlertRule.Range;

/** Each condition on its own: a match, the near misses, and values the position does not report. */
class RuleMatcherTest {

    private static final Aircraft PLANE = Aircraft.of("abc123");

    @Test
    void altitudeRangeIsInclusiveAndGroundCountsAsZero() {
        RuleMatcher low = matcher(new Conditions(new Range(null, 1000.0), null, null, null, null, null, null, null,
                null));
        assertTrue(low.matches(PLANE.altitude(1000).position()));
        assertTrue(low.matches(PLANE.onGround().position()), "on the ground is 0 ft");
        assertFalse(low.matches(PLANE.altitude(1025).position()));
        assertFalse(low.matches(PLANE.altitude(null).position()), "unknown altitude matches no altitude condition");
        RuleMatcher band = matcher(new Conditions(new Range(5000.0, 6000.0), null, null, null, null, null, null, null,
                null));
        assertTrue(band.matches(PLANE.altitude(5000).position()));
        assertFalse(band.matches(PLANE.altitude(4975).position()));
        assertFalse(band.matches(PLANE.onGround().position()));
    }

    @Test
    void squawkIsOneOfTheList() {
        RuleMatcher rule = matcher(new Conditions(null, List.of("7500", "7700"), null, null, null, null, null, null,
                null));
        assertTrue(rule.matches(PLANE.squawk("7700").position()));
        assertFalse(rule.matches(PLANE.squawk("7600").position()));
        assertFalse(rule.matches(PLANE.squawk(null).position()));
    }

    @Test
    void patternsAreCaseInsensitiveWholeValueGlobs() {
        RuleMatcher callsign = matcher(new Conditions(null, null, "UAL*", null, null, null, null, null, null));
        assertTrue(callsign.matches(PLANE.flight("ual123").position()));
        assertTrue(callsign.matches(PLANE.flight("UAL").position()));
        assertFalse(callsign.matches(PLANE.flight("XUAL1").position()), "anchored at the start");
        assertFalse(callsign.matches(PLANE.flight(null).position()));
        RuleMatcher hex = matcher(new Conditions(null, null, null, "AE??", null, null, null, null, null));
        assertTrue(hex.matches(Aircraft.of("ae12").position()));
        assertFalse(hex.matches(Aircraft.of("ae123").position()), "? is exactly one character");
        RuleMatcher registration = matcher(new Conditions(null, null, null, null, "N1*AB", null, null, null, null));
        assertTrue(registration.matches(PLANE.registration("N123AB").position()));
        assertFalse(registration.matches(PLANE.registration("N123AC").position()));
        assertFalse(registration.matches(PLANE.registration(null).position()));
    }

    @Test
    void globMetacharactersOfRegexesAreLiterals() {
        assertTrue(GlobPattern.problem("UA.*", 32).isPresent(), "'.' is refused");
        assertTrue(GlobPattern.compile("D-AB*").matcher("d-abcd").matches());
        assertFalse(GlobPattern.compile("D-AB*").matcher("DXABCD").matches());
    }

    @Test
    void categoryMilitaryAndSpeed() {
        RuleMatcher heavy = matcher(new Conditions(null, null, null, null, null, List.of("A5"), null, null, null));
        assertTrue(heavy.matches(PLANE.category("A5").position()));
        assertFalse(heavy.matches(PLANE.category("A3").position()));
        RuleMatcher military = matcher(new Conditions(null, null, null, null, null, null, true, null, null));
        assertTrue(military.matches(PLANE.military(true).position()));
        assertFalse(military.matches(PLANE.military(false).position()));
        RuleMatcher civil = matcher(new Conditions(null, null, null, null, null, null, false, null, null));
        assertTrue(civil.matches(PLANE.military(false).position()));
        RuleMatcher fast = matcher(new Conditions(null, null, null, null, null, null, null, null,
                new Range(500.0, null)));
        assertTrue(fast.matches(PLANE.speed(500.0).position()));
        assertFalse(fast.matches(PLANE.speed(499.9).position()));
        assertFalse(fast.matches(PLANE.speed(null).position()));
    }

    @Test
    void distanceFromAPoint() {
        RuleMatcher near = matcher(new Conditions(null, null, null, null, null, null, null, new Area(50, 10, 5),
                null));
        // 0.06° of longitude at 50° N is 2.3 nm; 0.15° is 5.8 nm.
        assertTrue(near.matches(PLANE.at(50, 10.06).position()));
        assertFalse(near.matches(PLANE.at(50, 10.15).position()));
    }

    @Test
    void allConditionsMustHold() {
        RuleMatcher rule = matcher(new Conditions(new Range(null, 3000.0), null, "UAL*", null, null, null, null,
                null, null));
        assertTrue(rule.matches(PLANE.flight("UAL1").altitude(2000).position()));
        assertFalse(rule.matches(PLANE.flight("UAL1").altitude(4000).position()));
        assertFalse(rule.matches(PLANE.flight("DAL1").altitude(2000).position()));
    }

    private static RuleMatcher matcher(Conditions conditions) {
        return new RuleMatcher(new AlertRule("r1", "test", true, "high", 300, "someone", conditions, Instant.now(),
                Instant.now()));
    }
}
