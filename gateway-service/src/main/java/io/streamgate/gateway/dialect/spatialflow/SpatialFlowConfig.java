package io.streamgate.gateway.dialect.spatialflow;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * SpatialFlow's settings. How often a dashboard gets fresh figures is the stats view's
 * ({@code streamgate.gateway.stats.min-interval}, 2 s); whether {@code ?token=} is accepted is the gateway's
 * ({@code streamgate.auth.query-token-enabled}).
 */
@ConfigMapping(prefix = "streamgate.spatialflow")
public interface SpatialFlowConfig {

    /** How many of the tenant's latest geofence events a {@code dashboard_update} carries as {@code recent_events}. */
    @WithDefault("10")
    int recentEvents();

    /**
     * A client that sends nothing, not even a pong to the transport's pings, for this long is closed (the
     * seed's clients only listen, but every WebSocket client answers pings).
     */
    @WithDefault("90s")
    Duration idleTimeout();
}
