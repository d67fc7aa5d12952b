package io.streamgate.safety.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.streamgate.devstack.traffic.SensorSimulator;

/** The seeded demo rules are the devstack plant's alarm limits, so the demo's spikes raise alerts. */
class DefaultThresholdsTest {

    @Test
    void everySimulatedMetricHasAWarningAndACriticalRuleAtItsLimits() {
        Map<String, ThresholdRule> rules = DefaultThresholds.rules(Instant.EPOCH).stream()
                .collect(Collectors.toMap(ThresholdRule::id, Function.identity()));
        int metrics = 0;
        for (SensorSimulator.Machine machine : SensorSimulator.MACHINES) {
            for (SensorSimulator.Metric metric : machine.metrics()) {
                metrics++;
                String base = "default-" + machine.id() + "-" + metric.name();
                ThresholdRule critical = rules.get(base + "-critical");
                ThresholdRule warning = rules.get(base + "-warning");
                assertEquals(metric.critical(), critical.threshold(), base);
                assertEquals(metric.warning(), warning.threshold(), base);
                assertEquals(List.of(machine.id(), metric.name(), "above", "critical"),
                        List.of(critical.machineId(), critical.metricName(), critical.operator(), critical.severity()));
                assertEquals("warning", warning.severity());
            }
        }
        assertEquals(metrics * 2, rules.size());
    }
}
