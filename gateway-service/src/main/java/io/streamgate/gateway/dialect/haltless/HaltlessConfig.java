package io.streamgate.gateway.dialect.haltless;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Haltless's settings. The first-message auth timeout and the limit of pending connections per client
 * address are the transport's ({@code streamgate.gateway.websocket.first-message-auth.timeout}, 10 s, and
 * {@code .max-pending-per-address}, 10), shared by every dialect that authenticates that way.
 */
@ConfigMapping(prefix = "streamgate.haltless")
public interface HaltlessConfig {

    /** How often {@code heartbeat} goes out; the seed's clients reconnect after missing three. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /**
     * A client that sends nothing, not even a pong to the transport's pings, for this long is closed
     * (the seed's clients send nothing after their token, but every WebSocket client answers pings).
     */
    @WithDefault("90s")
    Duration idleTimeout();
}
