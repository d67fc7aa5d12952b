package io.streamgate.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.streamgate.platform.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;

/**
 * The fleet's own bookkeeping, without a gateway: each client counts the window's positions it was
 * delivered, a message cut into frames is read once whole, and the worst client is the one with the
 * fewest. (Reading a frame is {@code SkySpyFrameScan}'s, checked against the real codec in the gateway's
 * tests.)
 */
class ClientFleetTest {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final long FROM = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();
    private static final long TO = FROM + 60_000;

    private final ClientFleet fleet = new ClientFleet(URI.create("ws://127.0.0.1:1/ws/aircraft/"), 1);

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void eachClientCountsItsOwnDeliveriesInTheWindowAndTheWorstIsTheFewest() {
        ClientFleet.Client steady = fleet.newClient();
        ClientFleet.Client lagging = fleet.newClient();
        fleet.window(FROM, TO);

        // Before, inside (twice) and after the window; and a removal, which is no position.
        fleet.onFrame(steady, WebSocketFrame.textFrame(batch(FROM - 1, FROM, TO - 1, TO), true));
        fleet.onFrame(steady, WebSocketFrame.textFrame(update(FROM + 5), true));
        fleet.onFrame(lagging, WebSocketFrame.textFrame(update(FROM + 5), true));

        assertEquals(3, steady.windowPositions.get());
        assertEquals(1, lagging.windowPositions.get());
        assertEquals(6, steady.messages.get(), "a batch counts its messages: 4 positions and a removal, then 1");
        assertEquals(4, fleet.windowPositions());
        assertEquals(new ClientFleet.Spread(2, 1, 3, 3), fleet.deliveries(3));

        fleet.window(TO, TO + 60_000);
        assertEquals(new ClientFleet.Spread(2, 0, 0, 3), fleet.deliveries(3), "a new window counts from zero");
    }

    @Test
    void aMessageInSeveralFramesIsReadOnceWhole() {
        ClientFleet.Client client = fleet.newClient();
        fleet.window(FROM, TO);
        byte[] message = batch(FROM + 1, FROM + 2, FROM + 3).getBytes(StandardCharsets.UTF_8);
        int third = message.length / 3;

        fleet.onFrame(client, WebSocketFrame.textFrame(new String(message, 0, third, StandardCharsets.UTF_8), false));
        fleet.onFrame(client, WebSocketFrame.continuationFrame(Buffer.buffer(message).slice(third, 2 * third), false));
        assertEquals(0, client.messages.get(), "nothing is read before the last frame");
        fleet.onFrame(client, WebSocketFrame.continuationFrame(Buffer.buffer(message).slice(2 * third, message.length),
                true));

        assertEquals(3, client.windowPositions.get());
        ClientFleet.Totals totals = fleet.totals();
        assertEquals(1, totals.frames(), "one message");
        assertEquals(message.length, totals.bytes());
        assertEquals(0, totals.malformed());
    }

    @Test
    void theSpreadNamesTheWorstClientAndItsShareOfWhatWasPublished() {
        ClientFleet.Spread spread = ClientFleet.Spread.of(new long[] {40, 25, 40, 39}, 50);
        assertEquals(new ClientFleet.Spread(4, 25, 40, 50), spread);
        assertEquals(0.5, spread.worstShare());
        assertTrue(Double.isNaN(ClientFleet.Spread.of(new long[0], 50).worstShare()), "no client, no share");
        assertTrue(Double.isNaN(ClientFleet.Spread.of(new long[] {0}, 0).worstShare()), "nothing published");
    }

    /** A batch of one update per event time, then a removal, in SkySpy's documented shape. */
    private static String batch(long... eventTimes) {
        ObjectNode batch = Json.mapper().createObjectNode().put("type", "batch");
        ArrayNode messages = batch.putArray("messages");
        for (int i = 0; i < eventTimes.length; i++) {
            messages.add(updateNode(eventTimes[i], "3c00" + i));
        }
        messages.addObject().put("type", "aircraft:remove").putObject("data").put("hex", "3c0099")
                .put("reason", "timeout");
        batch.put("count", messages.size()).put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(TO + 1_000)));
        return batch.toString();
    }

    private static String update(long eventTime) {
        return updateNode(eventTime, "4b1812").toString();
    }

    private static ObjectNode updateNode(long eventTime, String hex) {
        ObjectNode message = Json.mapper().createObjectNode().put("type", "aircraft:update");
        message.putObject("data").put("hex", hex).put("lat", 47.1).put("lon", 8.5).put("type", "B738")
                .put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(eventTime)));
        return message;
    }
}
