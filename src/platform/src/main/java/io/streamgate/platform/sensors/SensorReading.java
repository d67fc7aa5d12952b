package io.streamgate.platform.sensors;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One industrial sensor reading ({@code sensor.readings}, key: machine id), in Haltless's
 * {@code sensor_update} spelling.
 */
public record SensorReading(
        @JsonProperty("machine_id") String machineId,
        @JsonProperty("metric_name") String metricName,
        @JsonProperty("value") double value,
        @JsonProperty("unit") String unit,
        @JsonProperty("timestamp") Instant timestamp) {
}
