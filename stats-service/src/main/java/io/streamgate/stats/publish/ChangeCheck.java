package io.streamgate.stats.publish;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;

/**
 * Whether freshly computed figures differ from the ones last published. Both sides are compared as parsed
 * JSON (a figure built with {@code long}s equals its stored form read back as {@code int}s), without the
 * volatile {@code timestamp} field: a dashboard whose only news is the clock is not news.
 */
final class ChangeCheck {

    static final String TIMESTAMP = "timestamp";

    private ChangeCheck() {
    }

    /**
     * @param stored the stored {@code StatsUpdate} JSON, or null when nothing was published yet
     * @param data   the new figures, without {@code timestamp}
     */
    static boolean changed(String stored, ObjectNode data) {
        if (stored == null) {
            return true;
        }
        try {
            JsonNode before = Json.mapper().readTree(stored).get("data");
            if (before instanceof ObjectNode object) {
                object.remove(TIMESTAMP);
            }
            return !canonical(data).equals(before);
        } catch (IOException unreadable) {
            return true;
        }
    }

    /** The figures as they read back from JSON. */
    static ObjectNode canonical(ObjectNode data) {
        try {
            return (ObjectNode) Json.mapper().readTree(Json.encode(data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
