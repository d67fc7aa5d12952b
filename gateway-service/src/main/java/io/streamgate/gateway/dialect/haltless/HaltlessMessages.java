package io.streamgate.gateway.dialect.haltless;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.sensors.SensorReading;

/**
 * Haltless's server messages, field for field as its WebSocket guide shows them, written by Jackson (the
 * platform records carry fields Haltless does not send, such as a rule id or a reason).
 */
final class HaltlessMessages {

    private HaltlessMessages() {
    }

    static String heartbeat(Instant now) {
        return write(new Heartbeat("heartbeat", now.truncatedTo(ChronoUnit.SECONDS)));
    }

    static String sensorUpdate(SensorReading reading) {
        return write(SensorUpdate.of(reading));
    }

    /** StreamGate's addition: the latest reading of every metric, first thing after the token (seed clients ignore it). */
    static String sensorSnapshot(List<SensorReading> readings, Instant now) {
        return write(new SensorSnapshot("sensor_snapshot", readings.stream().map(SensorUpdate::of).toList(), now));
    }

    static String alert(SensorAlert alert) {
        return write(new Alert("alert", alert.alertId(), alert.machineId(), alert.severity(), alert.message(),
                alert.metricValue(), alert.thresholdValue(), alert.createdAt()));
    }

    static String machineStatus(MachineStatus status) {
        return write(new Status("machine_status", status.machineId(), status.oldStatus(), status.newStatus(),
                status.timestamp()));
    }

    /** StreamGate's addition, answering what Haltless clients are not meant to send; seed clients ignore it. */
    static String error(String message) {
        return write(new Error("error", message));
    }

    private static String write(Object message) {
        try {
            return Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RegisterForReflection
    record Heartbeat(String type, @JsonProperty("server_time") Instant serverTime) {
    }

    @RegisterForReflection
    record SensorUpdate(String type, @JsonProperty("machine_id") String machineId,
            @JsonProperty("metric_name") String metricName, double value, String unit, Instant timestamp) {

        static SensorUpdate of(SensorReading reading) {
            return new SensorUpdate("sensor_update", reading.machineId(), reading.metricName(), reading.value(),
                    reading.unit(), reading.timestamp());
        }
    }

    @RegisterForReflection
    record SensorSnapshot(String type, List<SensorUpdate> readings, Instant timestamp) {
    }

    @RegisterForReflection
    record Alert(String type, @JsonProperty("alert_id") String alertId, @JsonProperty("machine_id") String machineId,
            String severity, String message, @JsonProperty("metric_value") double metricValue,
            @JsonProperty("threshold_value") double thresholdValue, @JsonProperty("created_at") Instant createdAt) {
    }

    @RegisterForReflection
    record Status(String type, @JsonProperty("machine_id") String machineId,
            // null the first time a machine is seen, written as null as Haltless does
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("old_status") String oldStatus,
            @JsonProperty("new_status") String newStatus, Instant timestamp) {
    }

    @RegisterForReflection
    record Error(String type, String message) {
    }
}
