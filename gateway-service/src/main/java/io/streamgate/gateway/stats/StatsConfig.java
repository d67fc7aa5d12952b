package io.streamgate.gateway.stats;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How statistics reach clients. */
@ConfigMapping(prefix = "streamgate.gateway.stats")
public interface StatsConfig {

    /**
     * The shortest time between two updates of one stat type to a client (SkySpy: {@code stats:update}
     * at 0.5 Hz). Updates in between are conflated: the latest figures win.
     */
    @WithDefault("2s")
    Duration minInterval();
}
