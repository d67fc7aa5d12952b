package io.streamgate.safety.sensors;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A tenant's sensor threshold rule, as the API answers it and as it is stored in Redis hash
 * {@code streamgate:tenant:<tenant>:sensor-thresholds} (field: id).
 *
 * @param machineId  one machine, or {@code *} for every machine of the tenant
 * @param operator   {@code above} (value &gt; threshold) or {@code below} (value &lt; threshold)
 * @param forSeconds how long (event time) the condition must hold before the rule fires; 0 = at once
 * @param severity   {@code critical}, {@code warning} or {@code info}
 * @param message    for people; a generated one when absent
 */
@RegisterForReflection
public record ThresholdRule(
        @JsonProperty("id") String id,
        @JsonProperty("machine_id") String machineId,
        @JsonProperty("metric_name") String metricName,
        @JsonProperty("operator") String operator,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("for") long forSeconds,
        @JsonProperty("severity") String severity,
        @JsonProperty("message") String message,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static final String ANY_MACHINE = "*";
    public static final String ABOVE = "above";
    public static final String BELOW = "below";

    public boolean appliesTo(String machine, String metric) {
        return metricName.equals(metric) && (ANY_MACHINE.equals(machineId) || machineId.equals(machine));
    }

    public boolean breachedBy(double value) {
        return ABOVE.equals(operator) ? value > threshold : value < threshold;
    }

    /** The message of an alert of this rule. */
    public String alertMessage(String machine, double value) {
        if (message != null && !message.isBlank()) {
            return message;
        }
        return metricName + " " + operator + " " + threshold + " on " + machine
                + (forSeconds > 0 ? " for " + forSeconds + " s" : "") + " (" + value + ")";
    }
}
