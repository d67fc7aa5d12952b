package io.streamgate.platform.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per tenant: {@code rate} permits a second sustained, up to {@code burst} at once. The one
 * rate limit of StreamGate — the gateway's client messages and ingest's requests both take their permits
 * here — so a tenant's flood empties its own bucket and nobody else's.
 *
 * <p>Written out rather than taken from a library: Guava's {@code RateLimiter} cannot hold a burst larger than
 * one second of its rate and blocks, resilience4j's limiter refills in fixed windows, and Bucket4j is not among
 * the artifacts the build resolves. Buckets are keyed by authenticated tenant ids only, so the map is bounded
 * by the tenants an operator created, not by what strangers send.
 */
public final class TenantRates {

    private final double permitsPerNano;
    private final double burst;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param rate permits per second, sustained; 0 or less switches the limit off */
    public TenantRates(double rate, int burst) {
        this(rate, burst, System::nanoTime);
    }

    TenantRates(double rate, int burst, LongSupplier clock) {
        if (rate > 0 && burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1, not " + burst);
        }
        this.permitsPerNano = rate / 1e9;
        this.burst = burst;
        this.clock = clock;
    }

    public boolean enabled() {
        return permitsPerNano > 0;
    }

    /** Takes one permit of {@code tenant}'s bucket: false when it is empty (always true when switched off). */
    public boolean tryAcquire(String tenant) {
        if (!enabled()) {
            return true;
        }
        return buckets.computeIfAbsent(tenant, t -> new Bucket(burst, clock.getAsLong())).tryTake(this);
    }

    /** How long until {@code tenant}'s bucket holds a permit again, at least a second (a Retry-After). */
    public Duration retryAfter(String tenant) {
        Bucket bucket = buckets.get(tenant);
        if (bucket == null || !enabled()) {
            return Duration.ofSeconds(1);
        }
        double missing = Math.max(0, 1 - bucket.tokens(this));
        long seconds = (long) Math.ceil(missing / permitsPerNano / 1e9);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized boolean tryTake(TenantRates rates) {
            refill(rates);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized double tokens(TenantRates rates) {
            refill(rates);
            return tokens;
        }

        private void refill(TenantRates rates) {
            long now = rates.clock.getAsLong();
            tokens = Math.min(rates.burst, tokens + (now - refilledAt) * rates.permitsPerNano);
            refilledAt = now;
        }
    }
}
