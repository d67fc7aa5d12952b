package io.streamgate.ingest.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a request's {@code Idempotency-Key} is remembered. */
@ConfigMapping(prefix = "streamgate.ingest.idempotency")
public interface IdempotencyConfig {

    /** A retry with the same key within this window gets the first answer instead of a second write. */
    @WithDefault("24h")
    Duration retention();

    /** How long a key stays reserved by a request that has not finished (crashed instance, lost reply). */
    @WithDefault("60s")
    Duration inFlightTimeout();

    /** The longest key accepted. */
    @WithDefault("255")
    int maxKeyLength();
}
