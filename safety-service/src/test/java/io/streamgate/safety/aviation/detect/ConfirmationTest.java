package io.streamgate.safety.aviation.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.streamgate.safety.aviation.detect.Confirmation.Step;

class ConfirmationTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");
    private final Confirmation twoOfThree = new Confirmation(2, 3, 3, Duration.ofSeconds(60));

    private static Instant t(int seconds) {
        return T.plusSeconds(seconds);
    }

    @Test
    void twoHitsInThreeConfirm() {
        assertEquals(Step.QUIET, twoOfThree.record(true, t(0)));
        assertEquals(Step.QUIET, twoOfThree.record(false, t(1)));
        assertEquals(Step.RAISE, twoOfThree.record(true, t(2)));
        assertEquals(t(0), twoOfThree.firstHit());
    }

    @Test
    void hitsFurtherApartThanTheWindowDoNot() {
        assertEquals(Step.QUIET, twoOfThree.record(true, t(0)));
        assertEquals(Step.QUIET, twoOfThree.record(false, t(1)));
        assertEquals(Step.QUIET, twoOfThree.record(false, t(2)));
        assertEquals(Step.QUIET, twoOfThree.record(true, t(3)));
        assertEquals(t(3), twoOfThree.firstHit(), "the hit at 0 s left the window");
        assertEquals(Step.RAISE, twoOfThree.record(true, t(4)));
    }

    @Test
    void anOpenEpisodeEndsAfterThreeClearsInARow() {
        twoOfThree.record(true, t(0));
        twoOfThree.record(true, t(1));
        twoOfThree.opened(episode());
        assertEquals(Step.QUIET, twoOfThree.record(false, t(2)));
        assertEquals(Step.QUIET, twoOfThree.record(false, t(3)));
        assertEquals(Step.HOLD, twoOfThree.record(true, t(4)), "a hit resets the count");
        assertEquals(Step.QUIET, twoOfThree.record(false, t(5)));
        assertEquals(Step.QUIET, twoOfThree.record(false, t(6)));
        assertEquals(Step.EXPIRE, twoOfThree.record(false, t(7)));
    }

    @Test
    void theCooldownSuppressesThenReleases() {
        twoOfThree.record(true, t(0));
        twoOfThree.record(true, t(1));
        twoOfThree.opened(episode());
        twoOfThree.closed(t(10));
        assertFalse(twoOfThree.isOpen());
        assertFalse(twoOfThree.idle(t(30)), "cooling down");
        twoOfThree.record(true, t(20));
        assertEquals(Step.SUPPRESSED, twoOfThree.record(true, t(21)));
        assertEquals(Step.SUPPRESSED, twoOfThree.record(true, t(69)));
        assertEquals(Step.RAISE, twoOfThree.record(true, t(70)));
    }

    @Test
    void idleOnceNothingIsPendingOrCooling() {
        assertTrue(twoOfThree.idle(t(0)));
        twoOfThree.record(true, t(0));
        assertFalse(twoOfThree.idle(t(0)));
        twoOfThree.record(false, t(1));
        twoOfThree.record(false, t(2));
        twoOfThree.record(false, t(3));
        assertTrue(twoOfThree.idle(t(3)));
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Confirmation(3, 2, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Confirmation(1, 32, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Confirmation(1, 1, 0, Duration.ZERO));
    }

    private static Episode episode() {
        return new Episode("default", 1, "low_altitude", "low", "abc123", null, T);
    }
}
