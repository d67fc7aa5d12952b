package io.streamgate.ingest.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How fast one tenant may call ingest's HTTP API ({@code /v1/…}, {@code /v2/…}), all its callers on this
 * instance together, so one tenant's flood cannot take the event loops and the producer from another. On by
 * default and generous: four times the request rate the ingest benchmark drives (docs/benchmarks.md).
 */
@ConfigMapping(prefix = "streamgate.ingest.tenants.requests")
public interface TenantRequestsConfig {

    /** Requests a second per tenant, sustained; {@code 0} switches the limit off. */
    @WithDefault("1000")
    double rate();

    /** Requests a tenant may make at once above the rate (a receiver catching up after a network outage). */
    @WithDefault("2000")
    int burst();
}
