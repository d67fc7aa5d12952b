package io.streamgate.platform.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.streamgate.platform.json.Json;

/** Haltless's {@code alert} and {@code machine_status} fields, snake_case, reading back unchanged. */
class SensorRecordsTest {

    private static final Instant T = Instant.parse("2026-04-04T10:30:05Z");

    private static Set<String> fields(Object value) {
        Set<String> names = new TreeSet<>();
        Json.mapper().valueToTree(value).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aSensorAlertHasTheContractFields() {
        SensorAlert alert = new SensorAlert("a1", "r1", "press-7", "temperature", "critical",
                "Temperature exceeded threshold", 87.3, 85.0, T);
        assertEquals(Set.of("alert_id", "rule_id", "machine_id", "metric_name", "severity", "message", "metric_value",
                "threshold_value", "created_at"), fields(alert));
        assertEquals(alert, Json.decode(Json.encode(alert), SensorAlert.class));
    }

    @Test
    void aMachineStatusHasTheContractFieldsAndNoOldStatusOnFirstSight() {
        MachineStatus first = new MachineStatus("press-7", null, "healthy", T, "no threshold breached");
        assertEquals(Set.of("machine_id", "old_status", "new_status", "timestamp", "reason"), fields(first));
        assertEquals(true, Json.mapper().valueToTree(first).get("old_status").isNull());
        MachineStatus change = new MachineStatus("press-7", "healthy", "warning", T, "rule r1");
        assertEquals(Set.of("machine_id", "old_status", "new_status", "timestamp", "reason"), fields(change));
        assertEquals(change, Json.decode(Json.encode(change), MachineStatus.class));
    }
}
