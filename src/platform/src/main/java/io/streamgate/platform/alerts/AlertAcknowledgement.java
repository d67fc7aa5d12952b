package io.streamgate.platform.alerts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who acknowledged one alert and when; the value of {@link AlertKeys#acknowledgements(String)}. */
public record AlertAcknowledgement(
        @JsonProperty("acknowledged_by") String acknowledgedBy,
        @JsonProperty("acknowledged_at") Instant acknowledgedAt) {
}
