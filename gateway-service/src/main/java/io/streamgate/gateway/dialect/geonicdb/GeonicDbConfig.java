package io.streamgate.gateway.dialect.geonicdb;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** GeonicDB's documented behaviour and StreamGate's limits on what its clients send. */
@ConfigMapping(prefix = "streamgate.geonicdb")
public interface GeonicDbConfig {

    Auth auth();

    IdPattern idPattern();

    /**
     * A WebSocket client that sends nothing (no message, no pong to the server's pings) for this long
     * is closed with 1001, as GeonicDB's 10-minute idle timeout does; clients send
     * {@code {"action":"ping"}} every 5 minutes.
     */
    @WithDefault("10m")
    Duration idleTimeout();

    interface Auth {
        /**
         * GeonicDB's {@code AUTH_ENABLED}: a token is required, and a {@code tenant_admin} or {@code user}
         * token opens its own tenant only. Off, anonymous clients may open any tenant (a presented token
         * is still verified and still limited to its tenant).
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface IdPattern {
        /** The longest {@code idPattern} accepted, in characters; a longer one is refused with an error message. */
        @WithDefault("256")
        int maxLength();

        /**
         * How many characters of an entity id one match may read (each backtracking step reads one), so
         * a pathological pattern such as {@code (a+)+b} stops after this much work instead of stalling the
         * engine thread; an id it gives up on does not match. Ordinary patterns on 256-character ids (NGSI's
         * longest) read at most a few ten thousand, in well under a millisecond.
         */
        @WithDefault("100000")
        int matchBudget();
    }
}
