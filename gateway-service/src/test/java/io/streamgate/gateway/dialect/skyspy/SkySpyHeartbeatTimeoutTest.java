package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.transport.RawWebSocket;

/**
 * SkySpy's keepalive: a client that answers nothing (no frame, no pong) is closed with 4000 and
 * reconnects; one that only answers the server's pings, or one that pings, stays.
 */
@QuarkusTest
@TestProfile(SkySpyHeartbeatTimeoutTest.ShortTimeout.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyHeartbeatTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.skyspy.heartbeat-timeout", TIMEOUT.toSeconds() + "s",
                    "streamgate.gateway.websocket.ping-interval", "500ms");
        }
    }

    @TestHTTPResource("/ws/aircraft/")
    URI endpoint;

    @Test
    void aClientThatAnswersNothingIsClosedWith4000() throws IOException {
        // A raw socket reads the server's pings but never answers them.
        try (RawWebSocket client = RawWebSocket.connect(ws(), 64 * 1024)) {
            int pings = 0;
            RawWebSocket.Frame frame;
            try {
                while (!(frame = client.next()).isClose()) {
                    pings += frame.opcode() == 9 ? 1 : 0;
                }
            } catch (EOFException e) {
                throw new AssertionError("the server dropped the connection without a close frame", e);
            }
            assertEquals(4000, frame.closeCode());
            assertTrue(pings > 0, "the server pinged before it gave up");
        }
    }

    @Test
    void aClientThatOnlyAnswersPingsStaysConnected() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            // Eight pings at 500 ms are twice the timeout: silence alone would have closed it by then.
            client.awaitPings(8, TIMEOUT.multipliedBy(4));
            assertTrue(client.isOpen(), "pongs keep a connection alive");
            client.send("{\"action\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", client.nextMatching(f -> !f.contains("aircraft:"), TIMEOUT));
        }
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
