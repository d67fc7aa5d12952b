package io.streamgate.safety.aviation.detect;

import java.time.Instant;
import java.util.List;

import io.streamgate.safety.aviation.Emission;

/**
 * A condition of one airborne aircraft against a threshold, confirmed M-of-N, released with hysteresis
 * and consecutive clears, with a cooldown per aircraft. Positions that are stale, on the ground or from a
 * ghost count as "condition absent".
 */
abstract class ThresholdDetector {

    private final boolean enabled;
    private final String type;
    private final String severity;
    protected final Filters filters;
    private final EpisodeLog log;

    ThresholdDetector(boolean enabled, String type, String severity, Filters filters, EpisodeLog log) {
        this.enabled = enabled;
        this.type = type;
        this.severity = severity;
        this.filters = filters;
        this.log = log;
    }

    /** The condition on the latest fix; {@code open} widens the threshold by the hysteresis. */
    abstract boolean holds(TrackedAircraft a, boolean open);

    abstract Confirmation state(TrackedAircraft a);

    abstract String message(TrackedAircraft a);

    abstract String endMessage();

    abstract Details details(TrackedAircraft a);

    void evaluate(String tenant, TrackedAircraft a, Instant now, List<Emission> out) {
        if (!enabled) {
            return;
        }
        Confirmation state = state(a);
        boolean hit = filters.fresh(a, now) && filters.airborne(a) && !a.ghost && holds(a, state.isOpen());
        switch (state.record(hit, a.time)) {
            case RAISE -> {
                Episode episode = log.open(tenant, type, severity, a.hex, null, state.firstHit());
                episode.callsigns(a.callsign(), null);
                episode.seen(a.time);
                state.opened(episode);
                out.add(episode.emit(a.time, message(a), details(a).map(), true));
            }
            case HOLD -> {
                state.episode().seen(a.time);
                state.episode().callsigns(a.callsign(), null);
            }
            case EXPIRE -> close(a, a.time, "ended", out);
            default -> {
                // QUIET, SUPPRESSED: nothing to publish.
            }
        }
    }

    void close(TrackedAircraft a, Instant at, String reason, List<Emission> out) {
        Confirmation state = state(a);
        if (state.isOpen()) {
            log.close(state.closed(at), at, endMessage(), details(a), reason, out);
        }
    }

    static Details aircraftDetails(TrackedAircraft a) {
        return new Details().put("altitude", a.position.onGround() ? "ground" : a.position.altBaro())
                .position("position", a.position.lat(), a.position.lon())
                .put("ground_speed", a.position.groundSpeed() == null ? Double.NaN : a.position.groundSpeed(), 1)
                .put("track", a.position.track() == null ? Double.NaN : a.position.track(), 1)
                .put("squawk", a.position.squawk());
    }
}
