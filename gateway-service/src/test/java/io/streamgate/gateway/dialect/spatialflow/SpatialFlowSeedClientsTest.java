package io.streamgate.gateway.dialect.spatialflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.ClientProgram;
import io.streamgate.devstack.testing.EventWriter;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.identity.TokenIssuer;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/**
 * The two clients of SpatialFlow's guide, written from it (src/test/node/spatialflow-client.mjs, the browser
 * example on Node's strict {@code ws}; src/test/python/spatialflow_client.py, the {@code websockets} example),
 * run against the gateway unchanged but for the host: what they print is what a SpatialFlow customer sees.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SpatialFlowSeedClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URI root;

    @Inject
    TokenIssuer issuer;

    @Test
    void theGuidesJavaScriptExampleConnectsOnNodesStrictWebSocketAndSeesTheDashboard() throws Exception {
        String tenant = tenant();
        try (ClientProgram client = ClientProgram.start(Path.of("src/test/node"), "node", "spatialflow-client.mjs",
                ws(SpatialFlowDialect.DASHBOARD), token(tenant, false)); EventWriter writer = writer()) {
            assertEquals("access_token", client.await(line -> line.has("open"), WAIT).get("open").asText());
            client.await(line -> "dashboard_update".equals(type(line)), WAIT);
            entry(writer, tenant, "truck-005");
            JsonNode event = client.await(line -> "new_event".equals(type(line)), WAIT).get("message");
            assertEquals("truck-005", event.at("/event/device_id").asText());
        }
    }

    @Test
    void theGuidesJavaScriptExampleIsClosedWith4003OnTheWebhookChannelWithoutSuperuser() throws Exception {
        try (ClientProgram client = ClientProgram.start(Path.of("src/test/node"), "node", "spatialflow-client.mjs",
                ws(SpatialFlowDialect.WEBHOOKS), token(tenant(), false))) {
            assertEquals(4003, client.await(line -> line.has("closed"), WAIT).get("closed").asInt());
        }
    }

    @Test
    void theGuidesPythonExampleSeesGeofenceEvents() throws Exception {
        String tenant = tenant();
        try (ClientProgram client = ClientProgram.start(Path.of("src/test/python"), "/usr/bin/python3",
                "spatialflow_client.py", ws(SpatialFlowDialect.GEOFENCE), token(tenant, false));
                EventWriter writer = writer()) {
            assertEquals("access_token", client.await(line -> line.has("open"), WAIT).get("open").asText());
            entry(writer, tenant, "truck-py");
            JsonNode event = client.await(line -> "geofence_event".equals(type(line)), WAIT).get("message");
            assertEquals("truck-py", event.at("/event/device_id").asText());
            assertTrue(event.at("/event/location").has("latitude"));
        }
    }

    private String ws(String path) {
        return root.resolve(path).toString().replaceFirst("^http", "ws");
    }

    private String token(String tenant, boolean superuser) {
        return issuer.issue(new Identity(tenant, "user-1", Set.of(Role.USER), superuser)).toCompletableFuture().join()
                .accessToken();
    }

    private static void entry(EventWriter writer, String tenant, String device) {
        writer.send(Topics.GEOFENCE_EVENTS.name(), device, EventTypes.GEOFENCE_EVENT, tenant,
                Json.encode(new GeofenceEvent(UUID.randomUUID().toString(), device, "zrh-airport", "Zurich Airport",
                        "entry", new GeoPoint(47.4582, 8.5555), Instant.now())));
    }

    private static String type(JsonNode line) {
        return line.path("message").path("type").asText();
    }

    private static EventWriter writer() {
        return new EventWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    private static String tenant() {
        return "seed-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
