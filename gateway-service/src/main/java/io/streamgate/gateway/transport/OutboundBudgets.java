package io.streamgate.gateway.transport;

import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.engine.EngineConfig;

/**
 * The bytes all sessions have handed to their sockets but not yet flushed, and the cap on them. A
 * per-session limit alone does not bound the gateway: ten thousand clients that each fall a little
 * behind (a starved load tool, a congested network) add up to more than the heap, and snapshots,
 * replies and small frames are a copy per socket (large fan-out frames share their bytes, but are
 * counted per socket all the same). Past the cap, sessions are refused new frames exactly as past
 * their own limit.
 */
@ApplicationScoped
public class OutboundBudgets {

    private final LongAdder unflushed = new LongAdder();
    private final long totalLimit;

    OutboundBudgets(EngineConfig config, MeterRegistry registry) {
        this.totalLimit = config.totalBufferBytes().orElse(Runtime.getRuntime().maxMemory() / 2);
        Gauge.builder("streamgate.gateway.outbound.unflushed", unflushed, LongAdder::sum).baseUnit("bytes")
                .description("Bytes written to client sockets but not yet flushed, all sessions: what slow clients cost")
                .register(registry);
    }

    OutboundBudget forSession(long sessionLimit) {
        return new OutboundBudget(sessionLimit, totalLimit, unflushed);
    }
}
