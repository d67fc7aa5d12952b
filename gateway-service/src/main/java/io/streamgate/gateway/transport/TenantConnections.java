package io.streamgate.gateway.transport;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.dialect.Dialect;

/**
 * How many connections each tenant holds open on this replica: all dialects together, against
 * {@code streamgate.gateway.tenants.max-connections}, and per dialect for the dialects that document a limit
 * of their own ({@link Dialect#connectionsPerTenant()}, Spooled's 100 per organisation). The count is per
 * replica: a deployment of N gateways admits up to N times the limit, which is how the cap bounds what one
 * tenant can take of one replica's memory and event loops.
 *
 * <p>Refusals are counted as {@code streamgate.gateway.connections.refused{reason, dialect}}, never tagged by
 * tenant: tenant ids are as many as an operator creates, and a meter per tenant would grow without bound.
 */
@ApplicationScoped
public class TenantConnections {

    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final TenantLimitsConfig config;
    private final MeterRegistry registry;

    TenantConnections(TenantLimitsConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /**
     * Takes a slot for a new connection of {@code tenant}, or refuses when the tenant already holds its
     * limit across all dialects or the dialect's own.
     *
     * @return the slot, to be released exactly once when the connection ends; {@link Slot#refused()} when refused
     */
    public Slot tryAcquire(Dialect dialect, String tenant) {
        AtomicInteger all = open.computeIfAbsent(tenant, k -> new AtomicInteger());
        if (all.incrementAndGet() > config.maxConnections()) {
            all.decrementAndGet();
            return refuse(dialect, "tenant_limit", config.maxConnections());
        }
        OptionalInt limit = dialect.connectionsPerTenant();
        if (limit.isEmpty()) {
            return new Slot(all, null, 0);
        }
        AtomicInteger ofDialect = open.computeIfAbsent(dialect.name() + '/' + tenant, k -> new AtomicInteger());
        if (ofDialect.incrementAndGet() > limit.getAsInt()) {
            ofDialect.decrementAndGet();
            all.decrementAndGet();
            return refuse(dialect, "dialect_limit", limit.getAsInt());
        }
        return new Slot(all, ofDialect, 0);
    }

    private Slot refuse(Dialect dialect, String reason, int limit) {
        Counter.builder("streamgate.gateway.connections.refused").tag("reason", reason).tag("dialect", dialect.name())
                .description("Connections refused because their tenant held its limit").register(registry).increment();
        return new Slot(null, null, limit);
    }

    /** The connections {@code tenant} holds open on this replica, all dialects together. */
    public int count(String tenant) {
        AtomicInteger count = open.get(tenant);
        return count == null ? 0 : count.get();
    }

    /** One connection's place in its tenant's counts, or a refusal. */
    public static final class Slot {

        private final AtomicInteger all;
        private final AtomicInteger ofDialect;
        private final int limit;
        private boolean released;

        private Slot(AtomicInteger all, AtomicInteger ofDialect, int limit) {
            this.all = all;
            this.ofDialect = ofDialect;
            this.limit = limit;
        }

        /** True when the tenant held a limit: nothing was taken, nothing is to be released. */
        public boolean refused() {
            return all == null;
        }

        /** The limit the tenant held, for the refusal's text; 0 for a slot that was taken. */
        public int limit() {
            return limit;
        }

        public synchronized void release() {
            if (!released && all != null) {
                released = true;
                all.decrementAndGet();
                if (ofDialect != null) {
                    ofDialect.decrementAndGet();
                }
            }
        }
    }
}
