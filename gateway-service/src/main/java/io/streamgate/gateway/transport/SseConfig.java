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

    /**
     * The {@code retry:} every open stream gets when the gateway shuts down (SIGTERM, a Kubernetes drain), just before
     * the stream ends: how soon its client reconnects — to another replica — resuming from its {@code Last-Event-ID}.
     */
    @WithDefault("1s")
    Duration drainRetry();
}
