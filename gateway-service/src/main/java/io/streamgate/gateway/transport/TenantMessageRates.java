package io.streamgate.gateway.transport;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.dialect.Dialect;
import io.streamgate.platform.limits.TenantRates;

/**
 * The rate at which each tenant's clients may send messages over WebSocket, all its connections on this
 * replica together ({@code streamgate.gateway.tenants.messages}). A message over the rate is dropped unread
 * and answered with the dialect's error; refusals are counted as
 * {@code streamgate.gateway.messages.refused{reason="rate_limit", dialect}}, not tagged by tenant.
 */
@ApplicationScoped
public class TenantMessageRates {

    private final TenantRates rates;
    private final MeterRegistry registry;

    TenantMessageRates(TenantLimitsConfig config, MeterRegistry registry) {
        this.rates = new TenantRates(config.messages().rate(), config.messages().burst());
        this.registry = registry;
    }

    /** True when {@code tenant} may send one more message now; counts the refusal when not. */
    public boolean admit(Dialect dialect, String tenant) {
        if (rates.tryAcquire(tenant)) {
            return true;
        }
        Counter.builder("streamgate.gateway.messages.refused").tag("reason", "rate_limit").tag("dialect", dialect.name())
                .description("Client messages dropped because their tenant sent over its rate").register(registry)
                .increment();
        return false;
    }
}
