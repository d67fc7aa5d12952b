package io.streamgate.safety.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

class MachineMonitorTest {

    private static final Instant T0 = Instant.parse("2026-04-04T10:30:00Z");
    private static final String TENANT = "plant-a";

    private final MachineMonitor monitor = new MachineMonitor(Duration.ofSeconds(60));

    private static ThresholdRule rule(String id, String machine, String operator, double threshold, long forSeconds,
            String severity) {
        return new ThresholdRule(id, machine, "temperature", operator, threshold, forSeconds, severity, null, T0, T0);
    }

    private List<Outbound> read(List<ThresholdRule> rules, String machine, double value, int second) {
        return monitor.onReading(TENANT, new SensorReading(machine, "temperature", value, "celsius",
                T0.plusSeconds(second)), rules, 0, 1_000L * second);
    }

    private static List<SensorAlert> alerts(List<Outbound> out) {
        return out.stream().filter(o -> EventTypes.SENSOR_ALERT.equals(o.type())).map(o -> (SensorAlert) o.payload())
                .toList();
    }

    private static List<MachineStatus> statuses(List<Outbound> out) {
        return out.stream().filter(o -> EventTypes.MACHINE_STATUS.equals(o.type()))
                .map(o -> (MachineStatus) o.payload()).toList();
    }

    @Test
    void anAboveRuleFiresAtOnceWithoutForAndNotAgainWhileHeld() {
        List<ThresholdRule> rules = List.of(rule("r1", "press-7", "above", 90, 0, "critical"));
        assertTrue(alerts(read(rules, "press-7", 89.9, 0)).isEmpty());
        List<Outbound> crossed = read(rules, "press-7", 93.1, 1);
        List<SensorAlert> fired = alerts(crossed);
        assertEquals(1, fired.size());
        SensorAlert alert = fired.get(0);
        assertEquals("r1", alert.ruleId());
        assertEquals("press-7", alert.machineId());
        assertEquals("critical", alert.severity());
        assertEquals(93.1, alert.metricValue());
        assertEquals(90, alert.thresholdValue());
        assertEquals(T0.plusSeconds(1), alert.createdAt());
        Outbound record = crossed.stream().filter(o -> o.payload() == alert).findFirst().orElseThrow();
        assertEquals(Topics.ALERTS_TRIGGERED, record.topic());
        assertEquals("r1", record.key());
        assertEquals(TENANT, record.tenant());
        assertTrue(alerts(read(rules, "press-7", 95, 2)).isEmpty(), "no repeat while the condition holds");
        assertTrue(alerts(read(rules, "press-7", 92, 3)).isEmpty());
    }

    @Test
    void aBelowRuleComparesTheOtherWay() {
        List<ThresholdRule> rules = List.of(rule("low", "*", "below", 10, 0, "warning"));
        assertTrue(alerts(read(rules, "pump-2", 10, 0)).isEmpty(), "equal to the threshold is not below it");
        assertEquals(1, alerts(read(rules, "pump-2", 9.5, 1)).size());
        assertTrue(alerts(read(rules, "pump-2", 80, 2)).isEmpty());
    }

    @Test
    void theForDurationIsCountedInEventTime() {
        List<ThresholdRule> rules = List.of(rule("r", "cnc-3", "above", 85, 5, "critical"));
        assertTrue(alerts(read(rules, "cnc-3", 86, 0)).isEmpty());
        assertTrue(alerts(read(rules, "cnc-3", 87, 2)).isEmpty());
        assertTrue(alerts(read(rules, "cnc-3", 88, 4)).isEmpty(), "held 4 s of 5");
        List<SensorAlert> fired = alerts(read(rules, "cnc-3", 89, 5));
        assertEquals(1, fired.size(), "held 5 s");
        assertEquals(89, fired.get(0).metricValue());
    }

    @Test
    void aBreachInterruptedBeforeItsForDurationStartsOver() {
        List<ThresholdRule> rules = List.of(rule("r", "cnc-3", "above", 85, 5, "critical"));
        read(rules, "cnc-3", 86, 0);
        read(rules, "cnc-3", 80, 3);
        assertTrue(alerts(read(rules, "cnc-3", 86, 4)).isEmpty());
        assertTrue(alerts(read(rules, "cnc-3", 86, 8)).isEmpty(), "only 4 s since the breach began again");
        assertEquals(1, alerts(read(rules, "cnc-3", 86, 9)).size());
    }

    @Test
    void aRuleFiresAgainAfterTheConditionClearedAndHeldAgain() {
        List<ThresholdRule> rules = List.of(rule("r", "press-7", "above", 90, 2, "warning"));
        read(rules, "press-7", 91, 0);
        assertEquals(1, alerts(read(rules, "press-7", 91, 2)).size());
        assertTrue(alerts(read(rules, "press-7", 91, 3)).isEmpty());
        assertTrue(alerts(read(rules, "press-7", 50, 4)).isEmpty());
        assertTrue(alerts(read(rules, "press-7", 91, 5)).isEmpty());
        List<SensorAlert> again = alerts(read(rules, "press-7", 91, 7));
        assertEquals(1, again.size());
        assertTrue(!again.get(0).alertId().isEmpty());
    }

    @Test
    void aRuleForOneMachineIgnoresOthersAndOtherMetrics() {
        List<ThresholdRule> rules = List.of(rule("r", "press-7", "above", 90, 0, "critical"));
        assertTrue(alerts(read(rules, "cnc-3", 99, 0)).isEmpty());
        assertTrue(alerts(monitor.onReading(TENANT, new SensorReading("press-7", "pressure", 999, "bar", T0),
                rules, 0, 0)).isEmpty());
    }

    @Test
    void healthFollowsTheMostSevereFiredBreachAndInfoDoesNotDegrade() {
        List<ThresholdRule> rules = List.of(rule("info", "m", "above", 50, 0, "info"),
                rule("warn", "m", "above", 70, 0, "warning"), rule("crit", "m", "above", 90, 0, "critical"));
        List<MachineStatus> first = statuses(read(rules, "m", 20, 0));
        assertEquals(1, first.size());
        assertNull(first.get(0).oldStatus(), "first sight has no old status");
        assertEquals("healthy", first.get(0).newStatus());
        List<Outbound> info = read(rules, "m", 60, 1);
        assertEquals(1, alerts(info).size(), "info breaches are reported");
        assertTrue(statuses(info).isEmpty(), "but do not degrade health");
        assertStatus(read(rules, "m", 75, 2), "healthy", "warning");
        assertStatus(read(rules, "m", 95, 3), "warning", "critical");
        assertTrue(statuses(read(rules, "m", 96, 4)).isEmpty(), "no transition without a change");
        assertStatus(read(rules, "m", 80, 5), "critical", "warning");
        assertStatus(read(rules, "m", 10, 6), "warning", "healthy");
    }

    @Test
    void healthDegradesOnlyOnceTheForDurationHeld() {
        List<ThresholdRule> rules = List.of(rule("crit", "m", "above", 90, 10, "critical"));
        read(rules, "m", 20, 0);
        assertTrue(statuses(read(rules, "m", 95, 1)).isEmpty());
        assertStatus(read(rules, "m", 95, 11), "healthy", "critical");
    }

    @Test
    void aDeletedRuleNoLongerHoldsTheMachineDown() {
        ThresholdRule crit = rule("crit", "m", "above", 90, 0, "critical");
        read(List.of(crit), "m", 95, 0);
        assertEquals("critical", monitor.status(TENANT, "m"));
        assertStatus(read(List.of(), "m", 95, 1), "critical", "healthy");
    }

    @Test
    void aSilentMachineGoesOfflineAndRecoversWithItsNextReading() {
        List<ThresholdRule> rules = List.of(rule("crit", "m", "above", 90, 0, "critical"));
        read(rules, "m", 20, 0);
        assertTrue(monitor.sweep(60_000, p -> true).isEmpty(), "exactly the silence is not yet silent");
        List<MachineStatus> offline = statuses(monitor.sweep(60_001, p -> true));
        assertEquals(1, offline.size());
        assertEquals("healthy", offline.get(0).oldStatus());
        assertEquals("offline", offline.get(0).newStatus());
        assertTrue(monitor.sweep(120_000, p -> true).isEmpty(), "offline once");
        assertStatus(read(rules, "m", 95, 121), "offline", "critical");
    }

    @Test
    void machinesOfPartitionsOwnedElsewhereAreNotSweptOrAreReleased() {
        read(List.of(), "m", 20, 0);
        assertTrue(monitor.sweep(100_000, p -> false).isEmpty());
        monitor.release(p -> p == 0);
        assertNull(monitor.status(TENANT, "m"));
    }

    @Test
    void aRestoredStatusIsTheOldStatusOfTheNextTransition() {
        monitor.restore(TENANT, new MachineStatus("m", "warning", "critical", T0, "rule x"), 0, 0);
        assertEquals("critical", monitor.status(TENANT, "m"));
        assertStatus(read(List.of(), "m", 20, 1), "critical", "healthy");
    }

    @Test
    void aRestoredMachineThatStaysSilentGoesOffline() {
        monitor.restore(TENANT, new MachineStatus("m", null, "healthy", T0, null), 0, 5_000);
        assertTrue(monitor.sweep(60_000, p -> true).isEmpty());
        List<MachineStatus> offline = statuses(monitor.sweep(65_001, p -> true));
        assertEquals(List.of("offline"), offline.stream().map(MachineStatus::newStatus).toList());
    }

    @Test
    void tenantsDoNotShareMachinesOrRules() {
        List<ThresholdRule> rules = List.of(rule("crit", "m", "above", 90, 0, "critical"));
        read(rules, "m", 95, 0);
        List<Outbound> other = monitor.onReading("plant-b", new SensorReading("m", "temperature", 20, "celsius", T0),
                List.of(), 0, 0);
        assertEquals("healthy", statuses(other).get(0).newStatus());
        assertNull(statuses(other).get(0).oldStatus());
        assertEquals("plant-b/m", other.get(0).key());
        assertEquals("critical", monitor.status(TENANT, "m"));
    }

    private static void assertStatus(List<Outbound> out, String from, String to) {
        List<MachineStatus> changes = statuses(out);
        assertEquals(1, changes.size(), "one transition expected in " + out);
        assertEquals(from, changes.get(0).oldStatus());
        assertEquals(to, changes.get(0).newStatus());
    }
}
