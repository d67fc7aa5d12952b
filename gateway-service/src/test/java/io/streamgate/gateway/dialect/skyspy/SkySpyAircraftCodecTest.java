package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.gateway.engine.state.StateChange;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.json.Json;

class SkySpyAircraftCodecTest {

    private static final Instant NOW = Instant.parse("2024-01-15T10:30:00Z");
    private final SkySpyAircraftCodec codec = new SkySpyAircraftCodec(java.time.Duration.ofMillis(200), 50, 1_048_576, Clock.fixed(NOW, ZoneOffset.UTC),
            false);

    private final AircraftPosition airborne = new AircraftPosition("a1b2c3", "SWA1234", 33.9425, -118.4081, 35000,
            false, 35500, 450.0, 270.0, 0, null, "1200", null, "A3", false, "N12345", "B738", -20.5, 0.4, false,
            Instant.parse("2024-01-15T10:29:59.600Z"));
    private final AircraftPosition taxiing = new AircraftPosition("4b1805", null, 47.45, 8.56, null, true, null,
            12.0, 90.0, null, null, null, null, null, true, null, null, null, null, false, NOW);

    @Test
    void theSnapshotHasTheDocumentedShape() throws Exception {
        JsonNode snapshot = Json.mapper().readTree(codec.snapshot(List.of(airborne, taxiing)));

        assertEquals("aircraft:snapshot", snapshot.path("type").asText());
        assertEquals(2, snapshot.path("data").path("count").asInt());
        assertEquals("2024-01-15T10:30:00.000Z", snapshot.path("data").path("timestamp").asText());
        JsonNode first = snapshot.path("data").path("aircraft").get(0);
        assertEquals("a1b2c3", first.path("hex").asText());
        assertEquals("SWA1234", first.path("flight").asText());
        assertEquals(33.9425, first.path("lat").asDouble());
        assertEquals(-118.4081, first.path("lon").asDouble());
        assertEquals(35000, first.path("alt_baro").asInt());
        assertEquals(450.0, first.path("gs").asDouble());
        assertEquals("1200", first.path("squawk").asText());
        assertEquals("A3", first.path("category").asText());
        assertFalse(first.path("is_military").asBoolean());
    }

    @Test
    void anAircraftOnTheGroundHasAltBaroGroundAsReadsbWritesIt() throws Exception {
        JsonNode message = Json.mapper().readTree(codec.encode(
                List.of(new StateChange<>(StateChange.Kind.NEW, taxiing))).get(0));

        assertEquals("aircraft:new", message.path("type").asText());
        assertEquals("ground", message.path("data").path("alt_baro").asText());
        assertFalse(message.path("data").has("flight"), "unknown values are left out");
    }

    @Test
    void severalChangesGoOutAsOneBatch() throws Exception {
        List<String> frames = codec.encode(List.of(new StateChange<>(StateChange.Kind.NEW, airborne),
                new StateChange<>(StateChange.Kind.UPDATE, taxiing)));

        assertEquals(1, frames.size());
        JsonNode batch = Json.mapper().readTree(frames.get(0));
        assertEquals("batch", batch.path("type").asText());
        assertEquals("aircraft:new", batch.path("messages").get(0).path("type").asText());
        assertEquals("aircraft:update", batch.path("messages").get(1).path("type").asText());
    }
}
