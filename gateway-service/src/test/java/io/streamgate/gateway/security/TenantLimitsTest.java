package io.streamgate.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.devstack.testing.UpgradeRequest;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.transport.TenantConnections;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

/**
 * Issue 21's per-tenant limits, on the running gateway: a tenant over its connection limit is refused on
 * every transport with the documented answer while another tenant is not, a closed connection frees its
 * slot, and messages over the tenant's rate are dropped with the dialect's error while the connection and
 * other tenants carry on.
 */
@QuarkusTest
@TestProfile(TenantLimitsProfile.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class TenantLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RUN = "limits" + ProcessHandle.current().pid();

    @TestHTTPResource("/")
    URI root;

    @Inject
    TenantConnections connections;

    @Inject
    MeterRegistry registry;

    @Test
    void aTenantAtItsConnectionLimitIsRefusedOnEveryTransportAnotherIsNotAndAClosedConnectionFreesItsSlot()
            throws Exception {
        String flooder = RUN + "-a";
        String other = RUN + "-b";
        List<WebSocketProbe> held = new ArrayList<>();
        try {
            for (int i = 0; i < TenantLimitsProfile.MAX_CONNECTIONS; i++) {
                WebSocketProbe client = skyspy(flooder);
                assertPong(client);
                held.add(client);
            }
            assertEquals(TenantLimitsProfile.MAX_CONNECTIONS, connections.count(flooder));
            double before = refused("tenant_limit");

            // SkySpy verifies its Bearer token after the upgrade: too late for 429, so 1013 "try again later".
            try (WebSocketProbe over = skyspy(flooder)) {
                assertEquals(1013, over.awaitClose(WAIT), "a WebSocket over the tenant's limit");
            }
            // SSE of any dialect: 429 problem with Retry-After, before the stream starts.
            for (String path : List.of("/sse/alerts/", "/api/v1/events", "/sse/dashboard/events/")) {
                try (SseProbe stream = SseProbe.open(root.resolve(path), bearer(flooder))) {
                    assertEquals(429, stream.status(), path + " over the tenant's limit");
                    assertEquals("application/problem+json", stream.header("Content-Type").split(";")[0]);
                    assertEquals("too-many-connections", problemType(stream.body()));
                    assertTrue(Integer.parseInt(stream.header("Retry-After")) > 0);
                }
            }
            // Spooled checks before the upgrade: the WebSocket is refused with 429 too.
            UpgradeRequest spooled = UpgradeRequest.send(ws("/api/v1/ws?token=" + token(flooder)), Map.of());
            assertEquals(429, spooled.status(), "Spooled's upgrade over the tenant's limit");
            assertEquals(before + 5, refused("tenant_limit"), "every refusal counted by reason");

            // Another tenant is not affected by the first one's limit.
            try (WebSocketProbe unaffected = skyspy(other);
                    SseProbe stream = SseProbe.open(root.resolve("/sse/alerts/"), bearer(other))) {
                assertPong(unaffected);
                assertEquals(200, stream.status(), "another tenant's stream");
            }

            // A released connection frees its slot: the next one of the flooding tenant is admitted.
            held.remove(0).close();
            Deadline.await("the closed connection's slot is released", WAIT,
                    () -> connections.count(flooder) == TenantLimitsProfile.MAX_CONNECTIONS - 1);
            WebSocketProbe again = skyspy(flooder);
            held.add(again);
            assertPong(again);
        } finally {
            held.forEach(WebSocketProbe::close);
        }
    }

    @Test
    void messagesOverTheTenantsRateAreDroppedWithTheDialectsErrorAndTheConnectionAndOtherTenantsCarryOn()
            throws Exception {
        String flooder = RUN + "-c";
        String other = RUN + "-d";
        double before = registry.find("streamgate.gateway.messages.refused").tag("reason", "rate_limit")
                .tag("dialect", "skyspy").counters().stream().mapToDouble(c -> c.count()).sum();
        int sent = TenantLimitsProfile.BURST + 10;
        try (WebSocketProbe flooding = skyspy(flooder); WebSocketProbe quiet = skyspy(other)) {
            for (int i = 0; i < sent; i++) {
                flooding.send("{\"action\":\"ping\"}");
            }
            int pongs = 0;
            int limited = 0;
            while (pongs + limited < sent) {
                String reply = flooding.next(WAIT);
                assertTrue(reply != null, "every message is answered: " + pongs + " pongs, " + limited + " refusals");
                JsonNode message = Json.mapper().readTree(reply);
                if ("pong".equals(message.path("type").asText())) {
                    pongs++;
                } else if ("error".equals(message.path("type").asText())
                        && "Rate limited".equals(message.path("message").asText())) {
                    limited++;
                }
            }
            assertEquals(TenantLimitsProfile.BURST, pongs, "the burst is served");
            assertEquals(10, limited, "each message over the rate gets SkySpy's documented error");
            assertTrue(flooding.isOpen(), "a throttled client is not disconnected");
            assertPong(quiet);
            double after = registry.find("streamgate.gateway.messages.refused").tag("reason", "rate_limit")
                    .tag("dialect", "skyspy").counters().stream().mapToDouble(c -> c.count()).sum();
            assertEquals(before + 10, after, "every dropped message counted");
        }
    }

    private double refused(String reason) {
        return registry.find("streamgate.gateway.connections.refused").tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static void assertPong(WebSocketProbe client) {
        client.send("{\"action\":\"ping\"}");
        assertTrue(client.nextMatching(frame -> frame.contains("pong"), WAIT) != null && client.isOpen(),
                "admitted and answered");
    }

    private WebSocketProbe skyspy(String tenant) throws Exception {
        return WebSocketProbe.connect(ws("/ws/alerts/"), bearer(tenant));
    }

    private static Map<String, String> bearer(String tenant) throws Exception {
        return Map.of("Authorization", "Bearer " + token(tenant));
    }

    private static String token(String tenant) throws Exception {
        return DevCredentials.tokenFor(tenant, Role.USER);
    }

    private static String problemType(String body) throws Exception {
        String type = Json.mapper().readTree(body).path("type").asText();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private URI ws(String path) {
        return URI.create(root.resolve(path).toString().replaceFirst("^http", "ws"));
    }
}
