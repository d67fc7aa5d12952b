package io.streamgate.gateway.health;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway watches the systems its clients' data lives in, for the dialects that report them. */
@ConfigMapping(prefix = "streamgate.gateway.system-health")
public interface SystemHealthConfig {

    /** How often Kafka and Redis are probed; a change goes to watchers at once, no change sends nothing. */
    @WithDefault("10s")
    Duration interval();

    /** How long one probe may take before that system counts as down. */
    @WithDefault("3s")
    Duration timeout();
}
