package io.streamgate.stats.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;
import io.streamgate.platform.stats.StatsUpdate;

class ChangeCheckTest {

    private static ObjectNode dashboard(long events) {
        return Json.mapper().createObjectNode().put("active_geofences", 2L).put("events_today", events)
                .put("ratio", 0.5);
    }

    private static String stored(ObjectNode data, String timestamp) {
        ObjectNode copy = data.deepCopy();
        if (timestamp != null) {
            copy.put("timestamp", timestamp);
        }
        return new String(Json.encode(new StatsUpdate("dashboard", copy, Instant.parse("2026-11-23T10:00:00Z"))),
                StandardCharsets.UTF_8);
    }

    @Test
    void nothingPublishedYetIsAChange() {
        assertTrue(ChangeCheck.changed(null, dashboard(1)));
    }

    @Test
    void theSameFiguresAreNoChangeWhateverTheirTimestamp() {
        assertFalse(ChangeCheck.changed(stored(dashboard(3), "2026-11-23T10:00:00Z"), dashboard(3)),
                "longs equal the ints they read back as, and the timestamp is not news");
    }

    @Test
    void anyDifferentFigureIsAChange() {
        assertTrue(ChangeCheck.changed(stored(dashboard(3), null), dashboard(4)));
        assertTrue(ChangeCheck.changed(stored(dashboard(3), null), dashboard(3).put("exits_today", 0L)));
    }

    @Test
    void anUnreadableStoredValueIsReplaced() {
        assertTrue(ChangeCheck.changed("not json", dashboard(1)));
    }
}
