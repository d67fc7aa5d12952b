package io.streamgate.stats.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;

/** Small helpers to build figure JSON. */
public final class Nodes {

    private Nodes() {
    }

    public static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    /** {@code {name: count}} in the map's order. */
    public static ObjectNode counts(Map<String, Long> counts) {
        ObjectNode node = object();
        counts.forEach(node::put);
        return node;
    }

    /** {@code [{nameField: name, countField: count}]}, largest count first (then name), at most {@code limit}. */
    public static ArrayNode ranking(Map<String, Long> counts, String nameField, String countField, int limit) {
        ArrayNode array = Json.mapper().createArrayNode();
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).toList();
        for (Map.Entry<String, Long> entry : sorted) {
            array.addObject().put(nameField, entry.getKey()).put(countField, entry.getValue());
        }
        return array;
    }

    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
