package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** SkySpy's keepalive: a silent client is closed with 4000 (reconnect); a pinging client stays. */
@QuarkusTest
@TestProfile(SkySpyHeartbeatTimeoutTest.ShortTimeout.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyHeartbeatTimeoutTest {

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // No server pings here: the JDK client would answer them and never fall silent.
            return Map.of("streamgate.skyspy.heartbeat-timeout", "2s",
                    "quarkus.websockets-next.server.auto-ping-interval", "0");
        }
    }

    @TestHTTPResource("/ws/aircraft/")
    URI endpoint;

    @Test
    void aSilentClientIsClosedWith4000() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            assertEquals(4000, client.awaitClose(Duration.ofSeconds(20)));
        }
    }

    @Test
    void aClientThatPingsStaysConnected() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < end) {
                client.send("{\"action\":\"ping\"}");
                client.nextMatching(f -> f.contains("pong"), Duration.ofSeconds(5));
                // Pace the pings well inside the timeout without sleeping: wait for the next heartbeat frame
                // or pong, whichever the server sends, bounded by one second.
                client.pollFor(Duration.ofMillis(500));
            }
            client.send("{\"action\":\"ping\"}");
            assertTrue(client.nextMatching(f -> f.contains("pong"), Duration.ofSeconds(5)).contains("pong"),
                    "still connected after more than twice the timeout");
        }
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }
}
