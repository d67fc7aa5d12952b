package io.streamgate.gateway.transport;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Server-Sent Events fallback. */
@ConfigMapping(prefix = "streamgate.gateway.sse")
public interface SseConfig {

    /** How often an idle stream gets a comment line, so proxies and load balancers keep it open. */
    @WithDefault("15s")
    Duration keepAlive();
}
