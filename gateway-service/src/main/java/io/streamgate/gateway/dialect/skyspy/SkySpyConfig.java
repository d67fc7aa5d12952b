package io.streamgate.gateway.dialect.skyspy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SkySpy's documented defaults. */
@ConfigMapping(prefix = "streamgate.skyspy")
public interface SkySpyConfig {

    Batch batch();

    /**
     * A connection that sends nothing (no frame, no pong to the server's pings) for this long is closed
     * with 4000, and SkySpy clients reconnect. Clients ping every 30 s; the server pings every
     * {@code quarkus.websockets-next.server.auto-ping-interval}.
     */
    @WithDefault("90s")
    Duration heartbeatTimeout();

    interface Batch {
        /**
         * How long high-frequency updates are collected, conflated per aircraft, before they leave as one
         * message or {@code batch} frame (SkySpy: 200 ms). Alerts, safety events and emergencies bypass it.
         */
        @WithDefault("200ms")
        java.time.Duration window();

        /** At most this many messages in one {@code batch} frame. */
        @WithDefault("50")
        int maxMessages();

        /** At most this many bytes in one {@code batch} frame. */
        @WithDefault("1048576")
        int maxBytes();
    }
}
