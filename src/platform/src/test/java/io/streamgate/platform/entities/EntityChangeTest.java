package io.streamgate.platform.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.streamgate.platform.json.Json;

class EntityChangeTest {

    /** The "Entity Change Event" example of GeonicDB's event streaming document, verbatim. */
    private static final String GEONICDB_EXAMPLE = """
            {
              "type": "entityCreated",
              "tenant": "smartcity",
              "servicePath": "/",
              "entityId": "urn:ngsi-ld:Room:001",
              "entityType": "Room",
              "data": {
                "temperature": { "type": "Number", "value": 23.5 }
              },
              "changedAttributes": ["temperature"],
              "timestamp": "2024-01-01T00:00:00Z"
            }""";

    @Test
    void aCreationIsWrittenExactlyAsGeonicDbShowsIt() throws Exception {
        EntityChange change = EntityChange.created("smartcity", "/", "urn:ngsi-ld:Room:001", "Room",
                Map.of("temperature", new NgsiAttribute("Number", DoubleNode.valueOf(23.5))),
                Instant.parse("2024-01-01T00:00:00Z"));

        JsonNode written = Json.mapper().readTree(Json.encode(change));
        assertEquals(Json.mapper().readTree(GEONICDB_EXAMPLE), written);
        assertEquals("2024-01-01T00:00:00Z", written.get("timestamp").asText(), "ISO-8601 UTC with Z");
    }

    @Test
    void theGeonicDbExampleReadsBackIntoTheRecord() throws Exception {
        EntityChange change = Json.decode(GEONICDB_EXAMPLE.getBytes(), EntityChange.class);
        assertEquals(EntityChange.CREATED, change.type());
        assertEquals(List.of("temperature"), change.changedAttributes());
        assertEquals(23.5, change.data().get("temperature").value().asDouble());
    }

    @Test
    void aDeletionCarriesNoChangedAttributes() throws Exception {
        EntityChange change = EntityChange.deleted("smartcity", "/", "r1", "Room",
                Map.of("name", new NgsiAttribute("Text", TextNode.valueOf("lobby"))), Instant.now());

        JsonNode written = Json.mapper().readTree(Json.encode(change));
        assertFalse(written.has("changedAttributes"), written.toString());
        assertEquals("entityDeleted", written.get("type").asText());
        assertEquals("lobby", written.at("/data/name/value").asText());
    }

    @Test
    void anNgsiNullValueIsKeptOnTheWireAndReadBack() throws Exception {
        NgsiAttribute attribute = new NgsiAttribute("None", null);
        String json = new String(Json.encode(attribute));
        assertEquals("{\"type\":\"None\",\"value\":null}", json);
        assertEquals(NullNode.getInstance(), Json.decode(json.getBytes(), NgsiAttribute.class).value());
    }

    @Test
    void dataKeepsTheEntitysAttributeOrder() {
        Map<String, NgsiAttribute> attributes = new LinkedHashMap<>();
        for (String name : List.of("zeta", "alpha", "mid", "beta")) {
            attributes.put(name, new NgsiAttribute("Text", TextNode.valueOf(name)));
        }
        EntityChange change = EntityChange.created("t", "/", "e", "T", attributes, Instant.now());
        assertEquals(List.of("zeta", "alpha", "mid", "beta"), List.copyOf(change.data().keySet()));
        assertTrue(new String(Json.encode(change)).contains("\"data\":{\"zeta\""));
    }

    @Test
    void anUpdateThatChangesNothingIsNotAChange() {
        assertThrows(IllegalArgumentException.class, () -> EntityChange.updated("t", "/", "e", "T", Map.of(),
                List.of(), Instant.now()));
    }
}
