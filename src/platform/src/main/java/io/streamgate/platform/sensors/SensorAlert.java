package io.streamgate.platform.sensors;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sensor rule fired ({@code alerts.triggered}, key: sensor rule id, CE type
 * {@code io.streamgate.sensor.alert}), in Haltless's {@code alert} spelling.
 *
 * @param severity {@code critical}, {@code warning} or {@code info}
 */
public record SensorAlert(
        @JsonProperty("alert_id") String alertId,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("machine_id") String machineId,
        @JsonProperty("metric_name") String metricName,
        @JsonProperty("severity") String severity,
        @JsonProperty("message") String message,
        @JsonProperty("metric_value") Double metricValue,
        @JsonProperty("threshold_value") Double thresholdValue,
        @JsonProperty("created_at") Instant createdAt) {
}
