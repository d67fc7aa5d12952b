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
 * How many connections each tenant holds open to each dialect on this replica, for the dialects that cap
 * them ({@link Dialect#connectionsPerTenant()}, Spooled's 100 per organisation). The count is per replica:
 * a deployment of N gateways admits up to N times the limit, which is how the cap bounds what one tenant
 * can take of one replica's memory and event loops.
 */
@ApplicationScoped
public class TenantConnections {

    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Counter refused;

    TenantConnections(MeterRegistry registry) {
        this.refused = Counter.builder("streamgate.gateway.connections.refused").tag("reason", "tenant_limit")
                .description("Connections refused because their tenant held the dialect's limit").register(registry);
    }

    /**
     * Takes a slot for a new connection of {@code tenant}, or refuses when the tenant already holds the
     * dialect's limit. Always succeeds for dialects without a limit.
     *
     * @return the slot, to be released exactly once when the connection ends; null when refused
     */
    public Slot tryAcquire(Dialect dialect, String tenant) {
        OptionalInt limit = dialect.connectionsPerTenant();
        if (limit.isEmpty()) {
            return Slot.NONE;
        }
        String key = dialect.name() + '/' + tenant;
        AtomicInteger count = open.computeIfAbsent(key, k -> new AtomicInteger());
        if (count.incrementAndGet() > limit.getAsInt()) {
            count.decrementAndGet();
            refused.increment();
            return null;
        }
        return new Slot(count);
    }

    /** The connections {@code tenant} holds open to {@code dialect} now. */
    public int count(Dialect dialect, String tenant) {
        AtomicInteger count = open.get(dialect.name() + '/' + tenant);
        return count == null ? 0 : count.get();
    }

    /** One connection's place in its tenant's count. */
    public static final class Slot {

        static final Slot NONE = new Slot(null);

        private final AtomicInteger count;
        private boolean released;

        private Slot(AtomicInteger count) {
            this.count = count;
        }

        public synchronized void release() {
            if (!released && count != null) {
                released = true;
                count.decrementAndGet();
            }
        }
    }
}
