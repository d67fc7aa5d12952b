package io.streamgate.gateway.dialect.spooled;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Spooled's settings; how often the other stat figures ship is {@code streamgate.gateway.stats.min-interval}. */
@ConfigMapping(prefix = "streamgate.spooled")
public interface SpooledConfig {

    /** How often the {@code Ping} event goes out (Spooled's own: 30 s); the first one goes out on open. */
    @WithDefault("30s")
    Duration pingInterval();

    /**
     * A WebSocket client that sends nothing, not even a pong to the transport's pings, for this long is
     * closed with 4000. The SDKs send nothing unprompted, but every WebSocket client answers pings.
     */
    @WithDefault("90s")
    Duration idleTimeout();

    /**
     * How many WebSocket and SSE connections one tenant (Spooled's organisation) may hold open on one gateway
     * replica; the next handshake is answered {@code 429} (Spooled's own limit: 100).
     */
    @WithDefault("100")
    int maxConnectionsPerTenant();
}
