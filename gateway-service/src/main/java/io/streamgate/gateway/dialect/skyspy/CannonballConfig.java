package io.streamgate.gateway.dialect.skyspy;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SkySpy's Cannonball mobile threat view. */
@ConfigMapping(prefix = "streamgate.skyspy.cannonball")
public interface CannonballConfig {

    /** Radius of a new session, nautical miles. */
    @WithDefault("25")
    double defaultRadiusNm();

    /** The largest radius a client may set. */
    @WithDefault("250")
    double maxRadiusNm();

    /** Threats per message, nearest first. */
    @WithDefault("50")
    int maxThreats();

    /** How often a session with a known position gets fresh threats without asking. */
    @WithDefault("2s")
    Duration updateInterval();
}
