package io.streamgate.gateway.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.streamgate.platform.json.Json;

/** Reading the JSON messages a client received, for assertions on their exact shape. */
public final class JsonMessages {

    private JsonMessages() {
    }

    /** The message parsed; an AssertionError naming it when it is not JSON. */
    public static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    /** The object's field names, as a set (for comparing shapes regardless of order). */
    public static Set<String> fields(JsonNode message) {
        return new LinkedHashSet<>(names(message));
    }

    /** The object's field names in the order they were written (for products that fix the order). */
    public static List<String> names(JsonNode message) {
        List<String> names = new ArrayList<>();
        message.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
