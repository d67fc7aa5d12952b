package io.streamgate.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;

/**
 * What the WebSocket transport does for every dialect before dialect code reads a frame, seen through
 * SkySpy's {@code /ws/aircraft/} (its error messages are SkySpy's): over-limit messages, binary
 * messages, fragmented messages, and what a plain GET on a WebSocket path gets.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class WebSocketTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PONG = "{\"type\":\"pong\"}";

    @TestHTTPResource("/ws/aircraft/")
    URI endpoint;

    @Test
    void aMessageOverTheLimitIsAnsweredAndClosedWith1009() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send("{\"action\":\"ping\"}");
            assertEquals(PONG, client.nextMatching(f -> !f.contains("aircraft:"), WAIT));
            // 11 MB, one frame: over SkySpy's 10 MB.
            client.send("{\"action\":\"ping\",\"pad\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}");
            assertEquals("{\"type\":\"error\",\"message\":\"Message too large\"}",
                    client.nextMatching(f -> !f.contains("aircraft:"), WAIT));
            assertEquals(1009, client.awaitClose(WAIT));
        }
    }

    @Test
    void aBinaryMessageIsRefusedAndTheConnectionStaysOpen() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.sendBinary(new byte[] {1, 2, 3});
            assertEquals("{\"type\":\"error\",\"message\":\"Binary data not supported\"}",
                    client.nextMatching(f -> !f.contains("aircraft:"), WAIT));
            client.send("{\"action\":\"ping\"}");
            assertEquals(PONG, client.nextMatching(f -> !f.contains("aircraft:"), WAIT));
            assertTrue(client.isOpen());
        }
    }

    @Test
    void aMessageInSeveralFramesIsReadWhole() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.sendFragments("{\"act", "ion\":\"pi", "ng\"}");
            assertEquals(PONG, client.nextMatching(f -> !f.contains("aircraft:"), WAIT));
        }
    }

    @Test
    void messagesAreAnsweredInTheOrderSent() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send("{\"action\":\"dance\"}");
            client.send("{\"action\":\"ping\"}");
            client.send("{\"action\":\"sing\"}");
            assertEquals("{\"type\":\"error\",\"message\":\"Unknown action: dance\"}",
                    client.nextMatching(f -> !f.contains("aircraft:"), WAIT));
            assertEquals(PONG, client.nextMatching(f -> !f.contains("aircraft:"), WAIT));
            assertEquals("{\"type\":\"error\",\"message\":\"Unknown action: sing\"}",
                    client.nextMatching(f -> !f.contains("aircraft:"), WAIT));
        }
    }

    @Test
    void aPlainGetOnAWebSocketPathIsNotUpgraded() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                "a client error, not an upgrade: " + response.statusCode());
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
