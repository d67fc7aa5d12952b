package io.streamgate.safety.alerts;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operators watch: alerts triggered by priority, matches a cooldown held back, positions evaluated,
 * how long the rules of one position take, rules loaded, acknowledgements.
 */
@ApplicationScoped
public class AlertMetrics {

    private final MeterRegistry registry;
    private final Counter evaluated;
    private final Counter malformed;
    private final Counter suppressed;
    private final Timer evaluation;
    private volatile int rules;

    AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluated = Counter.builder("streamgate.alerts.positions").description("positions read by the evaluator")
                .tag("outcome", "evaluated").register(registry);
        this.malformed = Counter.builder("streamgate.alerts.positions").description("positions read by the evaluator")
                .tag("outcome", "malformed").register(registry);
        this.suppressed = Counter.builder("streamgate.alerts.suppressed")
                .description("rule matches held back by the rule's cooldown for that aircraft").register(registry);
        this.evaluation = Timer.builder("streamgate.alerts.evaluation")
                .description("time to evaluate one position against its tenant's rules")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("streamgate.alerts.rules.loaded", this, m -> m.rules);
    }

    public void evaluated(long nanos) {
        evaluated.increment();
        evaluation.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void malformed() {
        malformed.increment();
    }

    public void suppressed() {
        suppressed.increment();
    }

    public void triggered(String priority) {
        registry.counter("streamgate.alerts.triggered", "priority", priority).increment();
    }

    public void acknowledged(int count) {
        registry.counter("streamgate.alerts.acknowledged").increment(count);
    }

    public void rulesLoaded(int count) {
        rules = count;
    }
}
