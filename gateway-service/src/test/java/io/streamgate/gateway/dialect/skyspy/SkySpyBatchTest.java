package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

class SkySpyBatchTest {

    private static final String TS = "2024-01-15T10:30:00.000Z";

    @Test
    void aBatchHoldsAtMostMaxMessagesInOrder() throws Exception {
        List<String> messages = IntStream.range(0, 120).mapToObj(i -> "{\"type\":\"aircraft:update\",\"data\":{\"n\":"
                + i + "}}").toList();

        List<String> frames = SkySpyBatch.of(messages, 50, 1_048_576, TS);

        assertEquals(3, frames.size());
        List<Integer> order = new ArrayList<>();
        int[] sizes = {50, 50, 20};
        for (int f = 0; f < frames.size(); f++) {
            JsonNode batch = Json.mapper().readTree(frames.get(f));
            assertEquals("batch", batch.path("type").asText());
            assertEquals(sizes[f], batch.path("count").asInt());
            assertEquals(sizes[f], batch.path("messages").size());
            assertEquals(TS, batch.path("timestamp").asText());
            batch.path("messages").forEach(m -> order.add(m.path("data").path("n").asInt()));
        }
        assertEquals(IntStream.range(0, 120).boxed().toList(), order);
    }

    @Test
    void aBatchStaysUnderMaxBytes() {
        String big = "{\"type\":\"aircraft:update\",\"data\":{\"pad\":\"" + "x".repeat(400) + "\"}}";
        List<String> frames = SkySpyBatch.of(List.of(big, big, big, big, big), 50, 1_000, TS);

        frames.forEach(frame -> assertTrue(frame.length() <= 1_000, "frame of " + frame.length() + " bytes"));
        assertEquals(5, frames.stream().mapToInt(f -> f.startsWith("{\"type\":\"batch\"")
                ? Integer.parseInt(f.replaceAll(".*\"count\":(\\d+).*", "$1")) : 1).sum());
    }

    @Test
    void aLoneMessageIsNotWrapped() {
        assertEquals(List.of("{\"type\":\"aircraft:new\"}"),
                SkySpyBatch.of(List.of("{\"type\":\"aircraft:new\"}"), 50, 1_048_576, TS));
    }
}
