package io.streamgate.platform.alerts;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An alert rule matched an aircraft ({@code alerts.triggered}, key: rule id, CE type
 * {@code io.streamgate.alert.triggered}), in SkySpy's {@code alert:triggered} spelling.
 *
 * @param id           unique per tenant, a JavaScript-safe integer
 * @param priority     {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param aircraftData what the aircraft looked like: hex, flight, alt_baro, gs, lat, lon, squawk, …
 * @param owner        the rule owner's subject, or null for tenant-wide rules
 */
public record AlertTriggered(
        @JsonProperty("id") long id,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("rule_name") String ruleName,
        @JsonProperty("icao_hex") String icaoHex,
        @JsonProperty("callsign") String callsign,
        @JsonProperty("message") String message,
        @JsonProperty("priority") String priority,
        @JsonProperty("aircraft_data") Map<String, Object> aircraftData,
        @JsonProperty("triggered_at") Instant triggeredAt,
        @JsonProperty("owner") String owner) {
}
