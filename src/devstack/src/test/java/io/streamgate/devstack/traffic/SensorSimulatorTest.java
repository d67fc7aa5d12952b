package io.streamgate.devstack.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.sensors.SensorReading;

class SensorSimulatorTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final int SECONDS = 900;

    private static List<List<SensorReading>> run(SensorSimulator.Settings settings, long seed) {
        SensorSimulator simulator = new SensorSimulator(settings, seed);
        List<List<SensorReading>> ticks = new ArrayList<>();
        for (int s = 0; s < SECONDS; s++) {
            ticks.add(simulator.readings(START.plusSeconds(s)));
        }
        return ticks;
    }

    @Test
    void everyMachineSpikesPastItsCriticalThresholdNowAndThenButNormallyStaysBelowWarning() {
        List<List<SensorReading>> ticks = run(SensorSimulator.Settings.DEFAULTS, 42);

        Map<String, SensorSimulator.Metric> metrics = new HashMap<>();
        SensorSimulator.MACHINES.forEach(m -> m.metrics().forEach(x -> metrics.put(m.id() + "/" + x.name(), x)));
        Map<String, Integer> crossings = new HashMap<>();
        int readings = 0;
        int aboveWarning = 0;
        for (List<SensorReading> tick : ticks) {
            for (SensorReading r : tick) {
                SensorSimulator.Metric metric = metrics.get(r.machineId() + "/" + r.metricName());
                readings++;
                if (r.value() > metric.warning()) {
                    aboveWarning++;
                }
                if (r.value() > metric.critical()) {
                    crossings.merge(r.machineId(), 1, Integer::sum);
                }
                assertEquals(metric.unit(), r.unit());
            }
        }
        assertFalse(crossings.isEmpty(), "spikes cross the critical threshold");
        assertTrue(crossings.size() >= 2, "more than one machine spikes in 15 minutes: " + crossings);
        assertTrue(aboveWarning < readings * 0.03, aboveWarning + " of " + readings + " readings above warning");
    }

    @Test
    void aSpikeLastsSeveralReadings() {
        List<List<SensorReading>> ticks = run(SensorSimulator.Settings.DEFAULTS, 42);
        Map<String, Integer> run = new HashMap<>();
        int longest = 0;
        for (List<SensorReading> tick : ticks) {
            for (SensorReading r : tick) {
                SensorSimulator.Metric metric = SensorSimulator.MACHINES.stream()
                        .filter(m -> m.id().equals(r.machineId())).findFirst().orElseThrow().metrics().stream()
                        .filter(x -> x.name().equals(r.metricName())).findFirst().orElseThrow();
                String key = r.machineId() + "/" + r.metricName();
                int length = r.value() > metric.critical() ? run.merge(key, 1, Integer::sum) : 0;
                run.put(key, length);
                longest = Math.max(longest, length);
            }
        }
        assertEquals(SensorSimulator.Settings.DEFAULTS.spikeReadings(), longest);
    }

    @Test
    void theSilentMachineStopsReportingForTheSilencePeriodAndThenReturns() {
        List<List<SensorReading>> ticks = run(SensorSimulator.Settings.DEFAULTS, 42);

        TreeSet<Integer> silentSeconds = new TreeSet<>();
        for (int s = 0; s < ticks.size(); s++) {
            boolean pumpReported = ticks.get(s).stream().anyMatch(r -> r.machineId().equals("pump-2"));
            boolean othersReported = ticks.get(s).stream().anyMatch(r -> r.machineId().equals("press-7"));
            assertTrue(othersReported, "the rest of the plant reports at " + s + " s");
            if (!pumpReported) {
                silentSeconds.add(s);
            }
        }
        // Silent for the last 45 s of every 5 minutes: 255..299, 555..599, 855..899.
        TreeSet<Integer> expected = new TreeSet<>();
        for (int cycle = 0; cycle < 3; cycle++) {
            for (int s = 255; s < 300; s++) {
                expected.add(cycle * 300 + s);
            }
        }
        assertEquals(expected, silentSeconds);
        assertTrue(ticks.get(300).stream().anyMatch(r -> r.machineId().equals("pump-2")), "back after the silence");
    }

    @Test
    void theSameSeedGivesTheSameReadings() {
        assertEquals(run(SensorSimulator.Settings.DEFAULTS, 7), run(SensorSimulator.Settings.DEFAULTS, 7));
        assertFalse(run(SensorSimulator.Settings.DEFAULTS, 7).equals(run(SensorSimulator.Settings.DEFAULTS, 8)));
    }

    @Test
    void aTickIsOneBatchForTheReadingsEndpoint() {
        SensorSimulator simulator = new SensorSimulator(new SensorSimulator.Settings(Duration.ofSeconds(1), 0, 1, "",
                Duration.ofMinutes(1), Duration.ZERO), 1);
        List<IngestPost> posts = simulator.tick(START);
        assertEquals(1, posts.size());
        assertEquals(IngestPost.SENSOR_READINGS, posts.get(0).path());
        assertEquals(14, posts.get(0).items());
        assertFalse(posts.get(0).live(), "readings are events: kept and retried while ingest is down");
    }
}
