package io.streamgate.platform.alerts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One rule match, as written to {@code alerts.triggered} (CE type {@code io.streamgate.alert.triggered},
 * key = rule id) and kept in the tenant's alert history. The SkySpy {@code alert:triggered} data.
 *
 * @param id           unique per tenant, a JavaScript-safe integer (a Redis counter per tenant)
 * @param ruleId       the rule that matched
 * @param ruleName     its name when it matched
 * @param icaoHex      the aircraft
 * @param callsign     its callsign, when known
 * @param message      one line for people
 * @param priority     the rule's priority: {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param aircraftData the position that matched, in readsb spelling ({@code hex, flight, alt_baro, gs, lat,
 *                     lon, squawk, …})
 * @param triggeredAt  when the evaluator matched it (service clock)
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

    public AlertTriggered {
        if (ruleId == null || icaoHex == null || triggeredAt == null || priority == null) {
            throw new IllegalArgumentException("an alert needs rule_id, icao_hex, priority and triggered_at");
        }
        // Keep the field order on the wire.
        aircraftData = aircraftData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(aircraftData));
    }
}
