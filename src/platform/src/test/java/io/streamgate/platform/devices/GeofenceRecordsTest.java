package io.streamgate.platform.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/** The geofence records carry exactly the contract's snake_case fields and read back unchanged. */
class GeofenceRecordsTest {

    private static final Instant T = Instant.parse("2026-02-05T14:30:00Z");

    private static Set<String> fields(Object value) {
        Set<String> names = new TreeSet<>();
        Json.mapper().valueToTree(value).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aCircleDefinitionHasTheContractFieldsOnly() {
        GeofenceDefinition circle = new GeofenceDefinition("g1", "Depot", true, new GeoPoint(47.3, 8.5), 250.0, null,
                Map.of("zone", "north"), T, T);
        assertEquals(Set.of("id", "name", "active", "center", "radius_m", "metadata", "created_at", "updated_at"),
                fields(circle));
        assertEquals(circle, Json.decode(Json.encode(circle), GeofenceDefinition.class));
    }

    @Test
    void aPolygonDefinitionKeepsItsGeoJson() {
        List<List<Double>> ring = List.of(List.of(8.5, 47.3), List.of(8.6, 47.3), List.of(8.6, 47.4),
                List.of(8.5, 47.3));
        GeofenceDefinition polygon = new GeofenceDefinition("g2", "Zone", false, null, null,
                new GeofenceDefinition.Polygon("Polygon", List.of(ring)), null, T, T);
        JsonNode json = Json.mapper().valueToTree(polygon);
        assertEquals("Polygon", json.at("/geometry/type").asText());
        assertEquals(8.6, json.at("/geometry/coordinates/0/1/0").asDouble());
        assertEquals(false, json.get("active").asBoolean());
        assertEquals(polygon, Json.decode(Json.encode(polygon), GeofenceDefinition.class));
    }

    @Test
    void aGeofenceEventIsSpatialFlowsGeofenceEvent() {
        GeofenceEvent event = new GeofenceEvent("e1", "truck-005", "g1", "Downtown Delivery Zone", "entry",
                new GeoPoint(37.7749, -122.4194), T);
        JsonNode json = Json.mapper().valueToTree(event);
        assertEquals(Set.of("event_id", "device_id", "geofence_id", "geofence_name", "event_type", "location",
                "timestamp"), fields(event));
        assertEquals(37.7749, json.at("/location/latitude").asDouble());
        assertEquals(-122.4194, json.at("/location/longitude").asDouble());
        assertEquals("2026-02-05T14:30:00Z", json.get("timestamp").asText());
    }
}
