package io.streamgate.stats;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The service's own meters, all prefixed {@code streamgate.stats.}. */
@ApplicationScoped
public class StatsMetrics {

    private final MeterRegistry registry;
    private final Timer flush;

    StatsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.flush = Timer.builder("streamgate.stats.redis.flush")
                .description("Writing one poll's aggregation state to Redis").register(registry);
    }

    /** A record aggregated. */
    public void recorded(String topic) {
        registry.counter("streamgate.stats.records", "topic", topic).increment();
    }

    /** A record skipped: unknown type, no tenant, unreadable payload. */
    public void malformed(String topic) {
        registry.counter("streamgate.stats.records.malformed", "topic", topic).increment();
    }

    public void flushed(long nanos) {
        flush.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void computed(String statType, long nanos) {
        Timer.builder("streamgate.stats.compute").tag("stat_type", statType)
                .description("Computing one stat type of one tenant").register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A changed figure published to Redis and {@code stats.updates}. */
    public void published(String statType) {
        registry.counter("streamgate.stats.published", "stat_type", statType).increment();
    }

    /** A figure computed but not published: unchanged, or the floor interval had not passed. */
    public void held(String statType, String reason) {
        Counter.builder("streamgate.stats.held").tag("stat_type", statType).tag("reason", reason)
                .register(registry).increment();
    }

    public void failed(String what) {
        registry.counter("streamgate.stats.failures", "what", what).increment();
    }
}
