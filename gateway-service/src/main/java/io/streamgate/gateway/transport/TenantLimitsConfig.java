package io.streamgate.gateway.transport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What one tenant may take of one gateway replica, whichever dialect it speaks, so one tenant's flood cannot
 * starve another's clients. Per replica: N gateways admit N times these figures.
 */
@ConfigMapping(prefix = "streamgate.gateway.tenants")
public interface TenantLimitsConfig {

    /**
     * Connections (WebSocket and SSE, all dialects together) one tenant may hold open; the next is refused
     * with {@code 429} before its stream starts (or closed with 1013 when it is admitted after the upgrade).
     * 10,000 is what one replica was measured to serve (docs/benchmarks.md); a dialect's own documented limit
     * (Spooled: 100) applies on top.
     */
    @WithDefault("10000")
    int maxConnections();

    Messages messages();

    /** Client messages over WebSocket (subscribes, requests, pings of the dialects' own), a token bucket per tenant. */
    interface Messages {
        /** Messages a second one tenant may send, all its connections together, sustained; 0 switches the limit off. */
        @WithDefault("1000")
        double rate();

        /** Messages a tenant may send at once above the rate: every client of a large tenant subscribing on connect. */
        @WithDefault("10000")
        int burst();
    }
}
