package io.streamgate.safety.aviation;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operators watch: positions processed, events raised and ended by type, how long one position
 * takes through the detectors, how far behind ingest they run, and how much state is held.
 */
@ApplicationScoped
public class SafetyMetrics {

    private final MeterRegistry registry;
    private final Counter processed;
    private final Counter malformed;
    private final Counter sectorCopies;
    private final Timer processing;
    private final Timer lag;
    private volatile int trackedAircraft;
    private volatile int openEpisodes;

    public SafetyMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processed = Counter.builder("streamgate.safety.positions").description("positions read by the detectors")
                .tag("outcome", "processed").register(registry);
        this.malformed = Counter.builder("streamgate.safety.positions").description("positions read by the detectors")
                .tag("outcome", "malformed").register(registry);
        this.sectorCopies = Counter.builder("streamgate.safety.pairs.sector.copies")
                .description("copies of positions written to the sectors that need them for pair detection")
                .register(registry);
        this.processing = Timer.builder("streamgate.safety.processing")
                .description("time one position takes through every detector")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.lag = Timer.builder("streamgate.safety.lag")
                .description("from the position's write to Kafka to the end of its processing")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("streamgate.safety.aircraft.tracked", this, m -> m.trackedAircraft);
        registry.gauge("streamgate.safety.episodes.open", this, m -> m.openEpisodes);
    }

    public void processed(long nanos, long lagMillis) {
        processed.increment();
        processing.record(nanos, TimeUnit.NANOSECONDS);
        lag.record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
    }

    /** One position written to {@code copies} sectors for pair detection (its home and those within reach). */
    public void routed(int copies) {
        sectorCopies.increment(copies);
    }

    public void malformed() {
        malformed.increment();
    }

    public void published(List<Emission> emissions) {
        for (Emission emission : emissions) {
            if (emission.revision() == 0) {
                registry.counter("streamgate.safety.events.raised", "type", emission.event().eventType(), "severity",
                        emission.event().severity()).increment();
            } else if (!emission.event().active()) {
                Object reason = emission.event().details().get("end_reason");
                registry.counter("streamgate.safety.events.ended", "type", emission.event().eventType(), "reason",
                        reason == null ? "unknown" : reason.toString()).increment();
            }
        }
    }

    public void state(int aircraft, int episodes) {
        trackedAircraft = aircraft;
        openEpisodes = episodes;
    }
}
