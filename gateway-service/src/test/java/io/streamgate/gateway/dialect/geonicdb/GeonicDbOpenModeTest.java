package io.streamgate.gateway.dialect.geonicdb;

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
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.transport.RawWebSocket;
import io.streamgate.platform.identity.Role;

/**
 * GeonicDB with {@code AUTH_ENABLED=false} and a 2-second idle timeout: anonymous clients open any tenant,
 * a token still opens only its own, and a silent client is closed with 1001.
 */
@QuarkusTest
@TestProfile(GeonicDbOpenModeTest.OpenAndShortIdle.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class GeonicDbOpenModeTest {

    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class OpenAndShortIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.geonicdb.auth.enabled", "false",
                    "streamgate.geonicdb.idle-timeout", IDLE.toSeconds() + "s",
                    "streamgate.gateway.websocket.ping-interval", "500ms");
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void withAuthDisabledAClientWithoutTokenIsAdmitted() {
        try (EntityChanges writer = new EntityChanges();
                WebSocketProbe client = WebSocketProbe.connect(ws("opendemo"))) {
            client.send("{\"action\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", client.next(WAIT));
            writer.sendAndFlush(EntityChanges.created("opendemo", "/", "urn:ngsi-ld:Room:open", "Room", 1));
            assertEquals("urn:ngsi-ld:Room:open",
                    GeonicDbStreamTest.json(client.next(WAIT)).path("entityId").asText());
        }
    }

    @Test
    void withAuthDisabledATokenForAnotherTenantIsStillClosedWith1008() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws("globex"),
                Map.of("Authorization", "Bearer " + DevCredentials.tokenFor("acme", Role.USER)))) {
            assertEquals(1008, client.awaitClose(WAIT));
        }
    }

    @Test
    void aClientSilentForTheIdleTimeoutIsClosedWith1001() throws IOException {
        // A raw socket reads the server's pings but never answers them, nor sends anything.
        try (RawWebSocket client = RawWebSocket.connect(
                URI.create(root.toString().replaceFirst("^http", "ws") + "?tenant=idle"), 64 * 1024)) {
            RawWebSocket.Frame frame;
            long started = System.nanoTime();
            try {
                while (!(frame = client.next()).isClose()) {
                    // pings only
                }
            } catch (EOFException e) {
                throw new AssertionError("the server dropped the connection without a close frame", e);
            }
            assertEquals(1001, frame.closeCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(IDLE) >= 0,
                    "not before the idle timeout");
        }
    }

    @Test
    void aClientThatTalksStaysConnected() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws("talker"))) {
            // Pongs to the server's pings are client traffic. The idle sweep runs once a second, so five
            // pings take more than four seconds: twice the idle timeout.
            client.awaitPings(5, IDLE.multipliedBy(4));
            assertTrue(client.isOpen());
            client.send("{\"action\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", client.next(WAIT));
        }
    }

    @Test
    void theQuickStartPageShowsRoomsAndSensorsOnly() throws Exception {
        String tenant = "demo";
        try (EntityChanges writer = new EntityChanges(); SeedPage page = SeedPage.quickStart(ws(tenant))) {
            page.pingAndAwaitPong(WAIT);
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:ParkingSpot:qs", "ParkingSpot", 0),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:qs", "Room", 23.5));
            writer.sendAndFlush(EntityChanges.updated(tenant, "urn:ngsi-ld:Room:qs", "Room", 24));
            assertEquals(java.util.List.of(
                    "entityCreated: urn:ngsi-ld:Room:qs - {\"temperature\":{\"type\":\"Number\",\"value\":23.5}}",
                    "entityUpdated: urn:ngsi-ld:Room:qs - {\"temperature\":{\"type\":\"Number\",\"value\":24.0}}"),
                    page.awaitLines(2, WAIT));
        }
    }

    private URI ws(String tenant) {
        String base = root.toString().replaceFirst("^http", "ws");
        return URI.create(base.substring(0, base.length() - 1) + "?tenant=" + tenant);
    }
}
