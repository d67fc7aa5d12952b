package io.streamgate.safety.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.kafka.KafkaClients;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/**
 * What a restarted replica rebuilds health from: the real compacted {@code machines.status} topic, read
 * the way {@link SensorReadingsConsumer} reads it when partitions are assigned.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class HealthRebuildTest {

    @Inject
    KafkaClients kafka;

    @Test
    void aRestartedMonitorContinuesFromThePublishedStatus() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String tenant = Callers.newTenant("rebuild");
        String machine = "press-" + tenant;
        Callers.as(tenant).body("""
                {"machine_id": "%s", "metric_name": "temperature", "operator": "above", "threshold": 90,
                 "severity": "critical"}""".formatted(machine)).post("/v1/sensors/thresholds").then().statusCode(201);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String key = tenant + "/" + machine;
        try (Records records = new Records(bootstrap);
                TopicProbe probe = new TopicProbe(bootstrap, Topics.MACHINES_STATUS.name())) {
            records.send(Topics.SENSOR_READINGS.name(), EventTypes.SENSOR_READING, tenant, machine, t0,
                    new SensorReading(machine, "temperature", 95, "celsius", t0));
            io.streamgate.devstack.Deadline.await("critical", Duration.ofSeconds(30), () -> probe
                    .drain(Duration.ofMillis(100)).stream().filter(r -> key.equals(r.key()))
                    .map(r -> Json.decode(r.value(), MachineStatus.class).newStatus()).toList().contains("critical"));
        }
        StatusHistory.Last last = StatusHistory.read(kafka, Duration.ofSeconds(30)).get(key);
        assertEquals(tenant, last.tenant());
        assertEquals("critical", last.status().newStatus());

        MachineMonitor restarted = new MachineMonitor(Duration.ofSeconds(60));
        restarted.restore(last.tenant(), last.status(), 0, System.currentTimeMillis());
        List<Outbound> next = restarted.onReading(tenant, new SensorReading(machine, "temperature", 20, "celsius",
                t0.plusSeconds(1)), List.of(), 0, System.currentTimeMillis());
        MachineStatus change = (MachineStatus) next.get(0).payload();
        assertEquals("critical", change.oldStatus(), "not a first sight: the status was rebuilt");
        assertEquals("healthy", change.newStatus());
    }
}
