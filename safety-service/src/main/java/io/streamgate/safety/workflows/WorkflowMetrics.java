package io.streamgate.safety.workflows;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Counters of executions and webhook attempts by outcome, and the receivers' answer times. */
@ApplicationScoped
public class WorkflowMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    WorkflowMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("streamgate.safety.workflows.webhooks.latency")
                .description("time to a webhook receiver's answer or to giving up on it").register(registry);
    }

    /** {@code started}, {@code completed}, {@code failed}, {@code duplicate} (an event read again). */
    public void execution(String outcome) {
        Counter.builder("streamgate.safety.workflows.executions").tag("outcome", outcome)
                .description("workflow executions by outcome").register(registry).increment();
    }

    /** {@code delivered}, {@code retrying}, {@code failed}: one per attempt. */
    public void delivery(String outcome, long latencyMs) {
        Counter.builder("streamgate.safety.workflows.webhooks.attempts").tag("outcome", outcome)
                .description("webhook delivery attempts by outcome").register(registry).increment();
        latency.record(latencyMs, TimeUnit.MILLISECONDS);
    }

    /** A replica's commit found its claim taken over. */
    public void leaseLost() {
        registry.counter("streamgate.safety.workflows.leases.lost").increment();
    }
}
