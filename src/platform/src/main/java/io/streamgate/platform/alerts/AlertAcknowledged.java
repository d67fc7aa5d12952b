package io.streamgate.platform.alerts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Alerts a user acknowledged, as written to {@code alerts.triggered} (CE type
 * {@code io.streamgate.alert.acknowledged}, key = the rule id of the acknowledged alerts: an acknowledgement
 * of alerts of several rules is written as one record per rule).
 *
 * @param alertIds       the alerts acknowledged by this action (not those acknowledged before)
 * @param acknowledgedBy the subject of the caller
 * @param acknowledgedAt when
 */
public record AlertAcknowledged(
        @JsonProperty("alert_ids") List<Long> alertIds,
        @JsonProperty("acknowledged_by") String acknowledgedBy,
        @JsonProperty("acknowledged_at") Instant acknowledgedAt) {

    public AlertAcknowledged {
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
    }
}
