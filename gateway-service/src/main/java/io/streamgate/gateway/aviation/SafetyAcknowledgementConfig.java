package io.streamgate.gateway.aviation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the gateway remembers who acknowledged which safety event. */
@ConfigMapping(prefix = "streamgate.gateway.safety")
public interface SafetyAcknowledgementConfig {

    /**
     * A tenant's acknowledgements expire this long after its latest one (episodes last minutes; the gateway
     * reads an hour of safety events at start): the hash never grows without bound.
     */
    @WithDefault("24h")
    Duration acknowledgementTtl();
}
