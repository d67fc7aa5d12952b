package io.streamgate.platform.alerts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Alerts a user acknowledged ({@code alerts.triggered}, CE type {@code io.streamgate.alert.acknowledged}).
 *
 * @param alertIds the {@link AlertTriggered#id()}s acknowledged
 */
public record AlertAcknowledged(
        @JsonProperty("alert_ids") List<Long> alertIds,
        @JsonProperty("acknowledged_by") String acknowledgedBy,
        @JsonProperty("acknowledged_at") Instant acknowledgedAt) {
}
