package io.streamgate.safety.aviation.detect;

import java.time.Duration;
import java.time.Instant;

/**
 * M-of-N confirmation, release after consecutive clears, and a cooldown, for one condition of one
 * aircraft or pair: an episode opens once the condition was seen in {@code hits} of the last
 * {@code window} evaluations, ends after {@code clearCount} evaluations in a row without it, and the
 * same condition opens no new episode until {@code cooldown} has passed.
 */
final class Confirmation {

    enum Step {
        /** Nothing to tell. */
        QUIET,
        /** Confirmed: open an episode (and call {@link #opened}). */
        RAISE,
        /** Confirmed, but still cooling down from the last episode. */
        SUPPRESSED,
        /** The open episode's condition is still there. */
        HOLD,
        /** The open episode's condition is gone for good: close it (and call {@link #closed}). */
        EXPIRE
    }

    private final int hits;
    private final int windowMask;
    private final int clearCount;
    private final Duration cooldown;
    private int history;
    private int clears;
    private Instant firstHit;
    private Instant cooldownUntil;
    private Episode episode;

    Confirmation(int hits, int window, int clearCount, Duration cooldown) {
        if (window < 1 || window > 31 || hits < 1 || hits > window || clearCount < 1) {
            throw new IllegalArgumentException("confirmation needs 1 <= hits <= window <= 31 and clearCount >= 1");
        }
        this.hits = hits;
        this.windowMask = (int) ((1L << window) - 1);
        this.clearCount = clearCount;
        this.cooldown = cooldown;
    }

    Step record(boolean hit, Instant at) {
        if (episode != null) {
            if (hit) {
                clears = 0;
                return Step.HOLD;
            }
            return ++clears >= clearCount ? Step.EXPIRE : Step.QUIET;
        }
        history = ((history << 1) | (hit ? 1 : 0)) & windowMask;
        if (history == 0) {
            firstHit = null;
            return Step.QUIET;
        }
        if (hit && (firstHit == null || history == 1)) {
            firstHit = at;
        }
        if (Integer.bitCount(history) < hits) {
            return Step.QUIET;
        }
        return cooldownUntil != null && at.isBefore(cooldownUntil) ? Step.SUPPRESSED : Step.RAISE;
    }

    /** When the condition was first seen in the run that confirmed it. */
    Instant firstHit() {
        return firstHit;
    }

    void opened(Episode opened) {
        episode = opened;
        history = 0;
        clears = 0;
    }

    /** Forgets the open episode and starts the cooldown; returns the episode. */
    Episode closed(Instant at) {
        Episode closing = episode;
        episode = null;
        clears = 0;
        history = 0;
        firstHit = null;
        cooldownUntil = at.plus(cooldown);
        return closing;
    }

    Episode episode() {
        return episode;
    }

    boolean isOpen() {
        return episode != null;
    }

    /** Nothing open, nothing pending, no cooldown running: the state can be dropped. */
    boolean idle(Instant now) {
        return episode == null && history == 0 && (cooldownUntil == null || !now.isBefore(cooldownUntil));
    }
}
