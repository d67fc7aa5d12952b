package io.streamgate.gateway.dialect.skyspy;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/** The two variants of SkySpy's aircraft messages: full objects, and deltas ({@code ?mode=delta}). */
@ApplicationScoped
public class SkySpyAircraftCodecs {

    private final SkySpyAircraftCodec full;
    private final SkySpyAircraftCodec delta;
    private final SkySpySseAircraftCodec sseFull;
    private final SkySpySseAircraftCodec sseDelta;

    SkySpyAircraftCodecs(SkySpyConfig config) {
        this.full = new SkySpyAircraftCodec(config.batch().window(), config.batch().maxMessages(), config.batch().maxBytes(),
                Clock.systemUTC(), false);
        this.delta = new SkySpyAircraftCodec(config.batch().window(), config.batch().maxMessages(), config.batch().maxBytes(),
                Clock.systemUTC(), true);
        this.sseFull = new SkySpySseAircraftCodec(full);
        this.sseDelta = new SkySpySseAircraftCodec(delta);
    }

    /** The Server-Sent Events variant of {@link #forMode}. */
    SkySpySseAircraftCodec forSseMode(String mode) {
        return forMode(mode) == delta ? sseDelta : sseFull;
    }

    /** The variant a connection asked for with {@code ?mode=delta}; full objects otherwise. */
    SkySpyAircraftCodec forMode(String mode) {
        return "delta".equals(mode) ? delta : full;
    }
}
