package io.streamgate.platform.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/** The wire spelling other services and the gateway rely on. */
class AlertRecordsTest {

    @Test
    void alertTriggeredIsSkySpysAlertTriggeredData() throws IOException {
        AlertTriggered alert = new AlertTriggered(457, "r-12", "Low Altitude Alert", "a1b2c3", "N12345",
                "Aircraft below 1000ft detected", "medium", Map.of("hex", "a1b2c3", "alt_baro", 800),
                Instant.parse("2024-01-15T10:31:00Z"), "user-1");
        JsonNode json = Json.mapper().readTree(Json.encode(alert));
        assertEquals(457, json.get("id").asLong());
        assertEquals("r-12", json.get("rule_id").asText());
        assertEquals("Low Altitude Alert", json.get("rule_name").asText());
        assertEquals("a1b2c3", json.get("icao_hex").asText());
        assertEquals("N12345", json.get("callsign").asText());
        assertEquals("medium", json.get("priority").asText());
        assertEquals(800, json.at("/aircraft_data/alt_baro").asInt());
        assertEquals("2024-01-15T10:31:00Z", json.get("triggered_at").asText());
        assertEquals("user-1", json.get("owner").asText());
        assertEquals(alert, Json.decode(Json.encode(alert), AlertTriggered.class));
    }

    @Test
    void acknowledgementsAndRulesRoundTrip() throws IOException {
        AlertAcknowledged ack = new AlertAcknowledged(List.of(1L, 2L), "user-1", Instant.parse("2024-01-15T10:32:00Z"));
        JsonNode json = Json.mapper().readTree(Json.encode(ack));
        assertEquals(2, json.get("alert_ids").size());
        assertEquals("user-1", json.get("acknowledged_by").asText());
        assertEquals("2024-01-15T10:32:00Z", json.get("acknowledged_at").asText());
        assertEquals(ack, Json.decode(Json.encode(ack), AlertAcknowledged.class));

        AlertRule rule = new AlertRule("id", "n", true, "high", 300, "user-1", new AlertRule.Conditions(
                new AlertRule.Range(null, 1000.0), List.of("7700"), "UAL*", null, null, List.of("A3"), true,
                new AlertRule.Area(50, 10, 5), null), Instant.parse("2024-01-15T10:00:00Z"),
                Instant.parse("2024-01-15T10:00:00Z"));
        JsonNode ruleJson = Json.mapper().readTree(Json.encode(rule));
        assertEquals(5.0, ruleJson.at("/conditions/distance/max_nm").asDouble());
        assertFalse(ruleJson.get("conditions").has("hex"), "absent conditions are left out");
        assertEquals(rule, Json.decode(Json.encode(rule), AlertRule.class));
    }
}
