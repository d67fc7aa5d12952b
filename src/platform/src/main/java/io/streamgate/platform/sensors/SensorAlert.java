package io.streamgate.platform.sensors;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sensor threshold rule fired ({@code alerts.triggered}, CE type {@code io.streamgate.sensor.alert}, key: the
 * rule id), in Haltless's {@code alert} spelling.
 *
 * @param alertId        unique per firing
 * @param ruleId         the threshold rule that fired
 * @param severity       {@code critical}, {@code warning} or {@code info}
 * @param metricValue    the reading that completed the rule's {@code for} duration
 * @param thresholdValue the rule's threshold
 * @param createdAt      event time of that reading
 */
public record SensorAlert(
        @JsonProperty("alert_id") String alertId,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("machine_id") String machineId,
        @JsonProperty("metric_name") String metricName,
        @JsonProperty("severity") String severity,
        @JsonProperty("message") String message,
        @JsonProperty("metric_value") double metricValue,
        @JsonProperty("threshold_value") double thresholdValue,
        @JsonProperty("created_at") Instant createdAt) {
}
