package io.streamgate.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;

/**
 * What a SkySpy map client shows: the aircraft it knows, built by applying the server's messages as
 * SkySpy's own client code does (snapshot replaces, new/update upsert, delta patches — a null change
 * removes the field —, remove deletes, batches unpack).
 */
public final class SkySpyAircraftPicture {

    private final Map<String, JsonNode> aircraft = new HashMap<>();
    private int snapshots;

    /** Applies one frame; returns its {@code type}. */
    public String apply(String frame) {
        try {
            return apply(Json.mapper().readTree(frame));
        } catch (IOException e) {
            throw new UncheckedIOException("the server sent a frame that is not JSON: " + frame, e);
        }
    }

    private String apply(JsonNode message) {
        String type = message.path("type").asText();
        switch (type) {
            case "batch" -> message.path("messages").forEach(this::apply);
            case "aircraft:snapshot" -> {
                aircraft.clear();
                message.path("data").path("aircraft").forEach(a -> aircraft.put(a.path("hex").asText(), a));
                snapshots++;
            }
            case "aircraft:new", "aircraft:update" -> {
                JsonNode data = message.path("data");
                aircraft.put(data.path("hex").asText(), data);
            }
            case "aircraft:remove" -> aircraft.remove(message.path("data").path("hex").asText());
            case "aircraft:delta" -> {
                String hex = message.path("data").path("hex").asText();
                ObjectNode known = (ObjectNode) aircraft.get(hex).deepCopy();
                message.path("data").path("changes").fields().forEachRemaining(change -> {
                    if (change.getValue().isNull()) {
                        known.remove(change.getKey());
                    } else {
                        known.set(change.getKey(), change.getValue());
                    }
                });
                aircraft.put(hex, known);
            }
            default -> {
                // other message types do not change the picture
            }
        }
        return type;
    }

    public Map<String, JsonNode> aircraft() {
        return Map.copyOf(aircraft);
    }

    public int snapshots() {
        return snapshots;
    }
}
