package io.streamgate.safety.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/**
 * Readings go into the real {@code sensor.readings}; rules are made through the API; alerts and status changes
 * are read back from the real {@code alerts.triggered} and {@code machines.status}. The test profile makes a
 * machine offline after 3 s of silence.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SensorAlertsAndHealthTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static String bootstrap;
    private static Records records;

    @BeforeAll
    static void producer() {
        bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        records = new Records(bootstrap);
    }

    @AfterAll
    static void close() {
        records.close();
    }

    private static String rule(String tenant, String machine, String operator, double threshold, int forSeconds,
            String severity) {
        return Callers.as(tenant).body("""
                {"machine_id": "%s", "metric_name": "temperature", "operator": "%s", "threshold": %s, "for": %d,
                 "severity": "%s"}""".formatted(machine, operator, threshold, forSeconds, severity))
                .post("/v1/sensors/thresholds").then().statusCode(201).extract().path("id");
    }

    private static void reading(String tenant, String machine, double value, Instant time) {
        records.send(Topics.SENSOR_READINGS.name(), EventTypes.SENSOR_READING, tenant, machine, time,
                new SensorReading(machine, "temperature", value, "celsius", time));
    }

    private static List<ConsumerRecord<String, byte[]>> awaitMatching(TopicProbe probe, String what,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Deadline.await(what, WAIT, () -> done.test(probe.drain(Duration.ofMillis(100))));
        return probe.drain(Duration.ofMillis(1));
    }

    @Test
    void anAlertFiresOnceTheForDurationHeldNotAgainWhileHeldAndAgainAfterClearing() {
        String tenant = Callers.newTenant("sens");
        String machine = "press-" + tenant;
        String ruleId = rule(tenant, machine, "above", 90, 5, "critical");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe alerts = new TopicProbe(bootstrap, Topics.ALERTS_TRIGGERED.name())) {
            reading(tenant, machine, 91, t0);
            reading(tenant, machine, 92, t0.plusSeconds(2));
            reading(tenant, machine, 93, t0.plusSeconds(4));
            reading(tenant, machine, 94, t0.plusSeconds(5));
            reading(tenant, machine, 95, t0.plusSeconds(6));
            reading(tenant, machine, 96, t0.plusSeconds(9));
            reading(tenant, machine, 50, t0.plusSeconds(10));
            reading(tenant, machine, 97, t0.plusSeconds(11));
            reading(tenant, machine, 98, t0.plusSeconds(16));
            // A marker that fires at once, so everything before it has been evaluated when it arrives.
            String marker = rule(tenant, machine + "-marker", "above", 0, 0, "info");
            reading(tenant, machine + "-marker", 1, t0.plusSeconds(17));
            List<ConsumerRecord<String, byte[]>> seen = awaitMatching(alerts, "the marker alert",
                    r -> Records.of(r, tenant, SensorAlert.class).stream().anyMatch(a -> a.ruleId().equals(marker)));
            List<SensorAlert> fired = Records.of(seen, tenant, SensorAlert.class).stream()
                    .filter(a -> a.ruleId().equals(ruleId)).toList();
            assertEquals(List.of(94.0, 98.0), fired.stream().map(SensorAlert::metricValue).toList(),
                    "fires when 5 s held (t0+5), not while held, again 5 s after clearing (t0+16)");
            SensorAlert first = fired.get(0);
            assertEquals(machine, first.machineId());
            assertEquals("critical", first.severity());
            assertEquals(90.0, first.thresholdValue());
            assertEquals(t0.plusSeconds(5), first.createdAt());
            ConsumerRecord<String, byte[]> record = seen.stream().filter(r -> ruleId.equals(r.key())).findFirst()
                    .orElseThrow();
            assertEquals(EventTypes.SENSOR_ALERT, Records.type(record));
            assertEquals(tenant, Records.tenant(record));
        }
    }

    @Test
    void aBelowRuleAppliesToEveryMachineOfItsTenantOnly() {
        String tenant = Callers.newTenant("sens");
        String other = Callers.newTenant("sens-other");
        String ruleId = rule(tenant, "*", "below", 5, 0, "warning");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe alerts = new TopicProbe(bootstrap, Topics.ALERTS_TRIGGERED.name())) {
            String machine = "chiller-" + tenant;
            // The same machine id in another tenant, which has no rules: it must raise nothing.
            reading(other, machine, 1, t0);
            reading(tenant, machine, 6, t0);
            reading(tenant, machine, 4, t0.plusSeconds(1));
            List<ConsumerRecord<String, byte[]>> seen = awaitMatching(alerts, "the below alert",
                    r -> !Records.of(r, tenant, SensorAlert.class).isEmpty());
            List<SensorAlert> fired = Records.of(seen, tenant, SensorAlert.class);
            assertEquals(1, fired.size());
            assertEquals(ruleId, fired.get(0).ruleId());
            assertEquals(4.0, fired.get(0).metricValue());
            assertEquals(List.of(), Records.of(seen, other, SensorAlert.class));
        }
    }

    @Test
    void healthMovesThroughWarningCriticalOfflineAndBack() {
        String tenant = Callers.newTenant("health");
        String machine = "pump-" + tenant;
        rule(tenant, machine, "above", 70, 0, "warning");
        rule(tenant, machine, "above", 90, 0, "critical");
        rule(tenant, machine, "above", 50, 0, "info");
        String key = tenant + "/" + machine;
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe status = new TopicProbe(bootstrap, Topics.MACHINES_STATUS.name())) {
            reading(tenant, machine, 20, t0);
            reading(tenant, machine, 60, t0.plusSeconds(1));
            reading(tenant, machine, 75, t0.plusSeconds(2));
            reading(tenant, machine, 95, t0.plusSeconds(3));
            reading(tenant, machine, 30, t0.plusSeconds(4));
            // Silence: offline after 3 s (test profile), then a reading brings it back.
            List<ConsumerRecord<String, byte[]>> seen = awaitMatching(status, "offline",
                    r -> statuses(r, key).stream().anyMatch(s -> s.newStatus().equals("offline")));
            reading(tenant, machine, 95, Instant.now());
            seen = awaitMatching(status, "back from offline", r -> statuses(r, key).size() >= 6);
            List<MachineStatus> changes = statuses(seen, key);
            assertEquals(List.of("healthy", "warning", "critical", "healthy", "offline", "critical"),
                    changes.stream().map(MachineStatus::newStatus).toList(), "info breaches do not degrade");
            assertNull(changes.get(0).oldStatus());
            assertEquals(List.of("healthy", "warning", "critical", "healthy", "offline"),
                    changes.stream().skip(1).map(MachineStatus::oldStatus).toList());
            ConsumerRecord<String, byte[]> record = seen.stream().filter(r -> key.equals(r.key())).findFirst()
                    .orElseThrow();
            assertEquals(EventTypes.MACHINE_STATUS, Records.type(record));
            assertEquals(tenant, Records.tenant(record));
        }
    }

    @Test
    void aRuleChangedThroughTheApiTakesEffectWithoutARestart() {
        String tenant = Callers.newTenant("change");
        String machine = "cnc-" + tenant;
        String ruleId = rule(tenant, machine, "above", 90, 0, "critical");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe alerts = new TopicProbe(bootstrap, Topics.ALERTS_TRIGGERED.name())) {
            reading(tenant, machine, 80, t0);
            Callers.as(tenant).body("""
                    {"machine_id": "%s", "metric_name": "temperature", "operator": "above", "threshold": 70,
                     "severity": "warning"}""".formatted(machine)).put("/v1/sensors/thresholds/" + ruleId).then()
                    .statusCode(200);
            reading(tenant, machine, 80, t0.plusSeconds(1));
            List<ConsumerRecord<String, byte[]>> seen = awaitMatching(alerts, "the lowered threshold's alert",
                    r -> !Records.of(r, tenant, SensorAlert.class).isEmpty());
            SensorAlert alert = Records.of(seen, tenant, SensorAlert.class).get(0);
            assertEquals(70.0, alert.thresholdValue());
            assertEquals("warning", alert.severity());
            assertEquals(t0.plusSeconds(1), alert.createdAt());
        }
    }

    private static List<MachineStatus> statuses(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key()))
                .filter(r -> EventTypes.MACHINE_STATUS.equals(KafkaBinaryBinding.read(r.headers()).type()))
                .map(r -> io.streamgate.platform.json.Json.decode(r.value(), MachineStatus.class)).toList();
    }
}
