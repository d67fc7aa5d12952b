package io.streamgate.gateway.conformance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The RFC 6455 conformance run's echo endpoint (docs/autobahn.md). Test-only: never enable it in a
 * deployment — it admits anonymous clients and answers whatever they send.
 */
@ConfigMapping(prefix = "streamgate.gateway.conformance")
public interface ConformanceConfig {

    /** Serve the echo endpoint. */
    @WithDefault("false")
    boolean echoEnabled();

    /** Where the echo endpoint listens when enabled. */
    @WithDefault("/conformance/echo")
    String echoPath();
}
