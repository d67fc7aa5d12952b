package io.streamgate.devstack.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

class SmartCitySimulatorTest {

    private static final Instant START = Instant.parse("2026-01-01T08:00:00Z");

    @Test
    void theFirstBatchCreatesTheWholeCityThroughTheBatchEndpoint() throws Exception {
        IngestPost post = new SmartCitySimulator(SmartCitySimulator.Settings.DEFAULTS, 7).tick(START).get(0);
        assertEquals(IngestPost.ENTITY_BATCH, post.path());
        JsonNode body = Json.mapper().readTree(post.body());
        assertEquals("append", body.path("actionType").asText(), "append creates what is missing");
        Set<String> ids = new HashSet<>();
        body.path("entities").forEach(e -> ids.add(e.path("id").asText()));
        Set<String> expected = new HashSet<>(SmartCitySimulator.ROOMS);
        expected.addAll(SmartCitySimulator.PARKING_SPOTS);
        expected.addAll(SmartCitySimulator.AIR_QUALITY);
        assertEquals(expected, ids);
        assertEquals(expected.size(), post.items());
        assertEquals("Number", body.at("/entities/0/temperature/type").asText());
    }

    @Test
    void laterBatchesChangeAFewAttributesAndTheSameSeedGivesTheSameCity() throws Exception {
        List<String> first = run(42);
        assertEquals(first, run(42), "seeded: the same seed, the same traffic");
        Set<String> changedRooms = new HashSet<>();
        Set<Double> temperatures = new HashSet<>();
        for (String body : first.subList(1, first.size())) {
            JsonNode entities = Json.mapper().readTree(body).path("entities");
            assertTrue(entities.size() >= 2 && entities.size() <= 3, "a room, a station, maybe a parking spot");
            entities.forEach(e -> {
                if ("Room".equals(e.path("type").asText())) {
                    changedRooms.add(e.path("id").asText());
                    temperatures.add(e.at("/temperature/value").asDouble());
                }
            });
        }
        assertEquals(3, changedRooms.size(), "every room changes over a few dozen ticks");
        assertTrue(temperatures.size() > 5, "temperatures move: " + temperatures);
    }

    private static List<String> run(long seed) {
        SmartCitySimulator simulator = new SmartCitySimulator(SmartCitySimulator.Settings.DEFAULTS, seed);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bodies.add(new String(simulator.tick(START.plus(Duration.ofSeconds(2L * i))).get(0).body(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
