package io.streamgate.platform.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

class SafetyEventTest {

    /** The {@code safety:event} payload of SkySpy's WebSocket reference (seed 001), verbatim. */
    private static final String SKYSPY_EVENT = """
            {
              "id": 124,
              "timestamp": "2024-01-15T10:31:00.000Z",
              "event_type": "emergency_squawk",
              "severity": "critical",
              "icao_hex": "A1B2C3",
              "callsign": "N12345",
              "message": "Emergency squawk 7700 detected",
              "details": {
                "squawk": "7700",
                "altitude": 10000,
                "position": { "lat": 34.05, "lon": -118.25 }
              }
            }""";

    /** One event of SkySpy's {@code safety:snapshot} example: a pair. */
    private static final String SKYSPY_PAIR = """
            {
              "id": 123,
              "timestamp": "2024-01-15T10:30:00.000Z",
              "event_type": "TCAS_RA",
              "severity": "high",
              "icao_hex": "A1B2C3",
              "icao_hex_2": "D4E5F6",
              "callsign": "UAL123",
              "callsign_2": "DAL456",
              "message": "TCAS Resolution Advisory - Climb",
              "acknowledged": false
            }""";

    @Test
    void anEmergencyCarriesEveryFieldOfSkySpysSafetyEvent() throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("squawk", "7700");
        details.put("altitude", 10000);
        details.put("position", Map.of("lat", 34.05, "lon", -118.25));
        Instant at = Instant.parse("2024-01-15T10:31:00Z");
        SafetyEvent event = new SafetyEvent(124, at, SafetyEvent.TYPE_EMERGENCY_SQUAWK, SafetyEvent.CRITICAL,
                "A1B2C3", null, "N12345", null, "Emergency squawk 7700 detected", details, at, at, true, false);

        JsonNode written = Json.mapper().readTree(Json.encode(event));
        JsonNode skyspy = Json.mapper().readTree(SKYSPY_EVENT);
        for (Iterator<String> names = skyspy.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("timestamp")) {
                assertEquals(skyspy.get(name), written.get(name), name);
            }
        }
        assertEquals(at, Instant.parse(written.get("timestamp").asText()));
        assertTrue(written.get("timestamp").asText().endsWith("Z"), "ISO-8601 UTC with Z");
        assertTrue(written.get("active").asBoolean());
        assertFalse(written.get("acknowledged").asBoolean());
        assertEquals("2024-01-15T10:31:00Z", written.get("first_seen").asText());
        assertFalse(written.has("icao_hex_2"), "single-aircraft events leave the second aircraft out");
        Set<String> names = new TreeSet<>();
        written.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(Set.of("id", "timestamp", "event_type", "severity", "icao_hex", "callsign",
                "message", "details", "first_seen", "last_seen", "active", "acknowledged")), names,
                "SkySpy's fields and nothing else");
    }

    @Test
    void aPairReadsBackFromSkySpysSnapshotSpelling() throws Exception {
        JsonNode skyspy = Json.mapper().readTree(SKYSPY_PAIR);
        Map<String, Object> fields = new LinkedHashMap<>(Json.mapper().convertValue(skyspy, Map.class));
        fields.put("first_seen", "2024-01-15T10:29:58Z");
        fields.put("last_seen", "2024-01-15T10:30:00Z");
        SafetyEvent event = Json.decode(Json.encode(fields), SafetyEvent.class);

        assertEquals(123, event.id());
        assertEquals("D4E5F6", event.icaoHex2());
        assertEquals("DAL456", event.callsign2());
        assertTrue(event.isPair());
        JsonNode written = Json.mapper().readTree(Json.encode(event));
        for (String name : List.of("id", "event_type", "severity", "icao_hex", "icao_hex_2", "callsign", "callsign_2",
                "message", "acknowledged")) {
            assertEquals(skyspy.get(name), written.get(name), name);
        }
    }

    @Test
    void detailsKeepTheDetectorsOrder() {
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (String key : List.of("tau_s", "distance_nm", "altitude_diff_ft", "cpa", "b", "a")) {
            details.put(key, 1);
            order.add(key);
        }
        Instant at = Instant.parse("2024-01-15T10:31:00Z");
        SafetyEvent event = new SafetyEvent(1, at, SafetyEvent.TYPE_TCAS_TA, SafetyEvent.MEDIUM, "a", "b", null,
                null, "m", details, at, at, true, false);
        assertEquals(order, List.copyOf(event.details().keySet()));
    }

    @Test
    void severitiesAreSkySpysFourAndRankInOrder() {
        Instant at = Instant.parse("2024-01-15T10:31:00Z");
        assertThrows(IllegalArgumentException.class, () -> new SafetyEvent(1, at, SafetyEvent.TYPE_TCAS_TA,
                "warning", "a", null, null, null, "m", null, at, at, true, false));
        assertTrue(SafetyEvent.rank(SafetyEvent.CRITICAL) > SafetyEvent.rank(SafetyEvent.HIGH));
        assertTrue(SafetyEvent.rank(SafetyEvent.HIGH) > SafetyEvent.rank(SafetyEvent.MEDIUM));
        assertTrue(SafetyEvent.rank(SafetyEvent.MEDIUM) > SafetyEvent.rank(SafetyEvent.LOW));
    }
}
