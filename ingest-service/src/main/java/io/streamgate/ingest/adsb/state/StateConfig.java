package io.streamgate.ingest.adsb.state;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The last-known-state topic {@code aircraft.state}: when an aircraft counts as gone, and how much is kept. */
@ConfigMapping(prefix = "streamgate.ingest.adsb.state")
public interface StateConfig {

    /**
     * An aircraft without a new position fix for this long gets a tombstone (the gateway's
     * {@code aircraft:remove}). Measured on ingest's clock from the fix (receipt time minus
     * {@code seen_pos}), so receiver clocks and SBS time zones do not matter.
     */
    @WithDefault("60s")
    Duration timeout();

    /** How often the one sweep looks for aircraft past the timeout; a tombstone is at most this late. */
    @WithDefault("1s")
    Duration sweepInterval();

    /**
     * Aircraft tracked at once, over all tenants (~20,000 are airborne worldwide at peak). Beyond it the
     * aircraft updated least recently is removed early, tombstone included, so memory stays bounded.
     */
    @WithDefault("100000")
    int maxAircraft();

    /**
     * At start, how long reading {@code aircraft.state} back may take (aircraft that fell silent while
     * ingest was down still need their tombstone). On failure the sweep tries again.
     */
    @WithDefault("30s")
    Duration restoreTimeout();
}
