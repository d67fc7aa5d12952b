package io.streamgate.ingest.adsb.sbs;

import java.time.Duration;

/** Exponential reconnect delays: initial, doubled after each failure, capped; back to initial on success. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("reconnect delays need 0 < initial <= max, got " + initial + " and "
                    + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    public Duration next() {
        Duration delay = next;
        next = delay.compareTo(max.dividedBy(2)) > 0 ? max : delay.multipliedBy(2);
        return delay;
    }

    public void reset() {
        next = initial;
    }
}
