package io.streamgate.gateway.dialect.geonicdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

/**
 * GeonicDB's event stream at {@code /?tenant=} with auth enabled (the default), against the real broker:
 * the auth table of its documentation, the filters, ping, the order of events and tenant isolation.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class GeonicDbStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a client must stay silent to show that nothing was sent to it. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final AtomicInteger TENANTS = new AtomicInteger();

    @TestHTTPResource("/")
    URI root;

    // --- the auth table ---------------------------------------------------------------------------

    @Test
    void withoutATokenTheConnectionIsClosedWith1008() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws(tenant()))) {
            assertEquals(1008, client.awaitClose(WAIT));
        }
    }

    @Test
    void anInvalidTokenIsClosedWith1008() {
        for (String token : List.of("not-a-jwt", DevCredentials.tokenFor("acme", Role.USER) + "x")) {
            try (WebSocketProbe client = WebSocketProbe.connect(ws("acme"), bearer(token))) {
                assertEquals(1008, client.awaitClose(WAIT));
            }
        }
    }

    @Test
    void aValidTokenOpensItsOwnTenantOverEachTokenTransport() {
        String tenant = tenant();
        String token = DevCredentials.tokenFor(tenant, Role.USER);
        try (EntityChanges writer = new EntityChanges();
                WebSocketProbe header = WebSocketProbe.connect(ws(tenant), bearer(token));
                WebSocketProbe protocol = WebSocketProbe.connect(ws(tenant), List.of("access_token", token));
                WebSocketProbe query = WebSocketProbe.connect(URI.create(ws(tenant) + "&token="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))) {
            assertEquals("access_token", protocol.subprotocol(), "the marker is echoed, never the token");
            for (WebSocketProbe client : List.of(header, protocol, query)) {
                awaitPong(client);
            }
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:001", "Room", 21.5));
            for (WebSocketProbe client : List.of(header, protocol, query)) {
                JsonNode event = json(client.next(WAIT));
                assertEquals("entityCreated", event.path("type").asText());
                assertEquals("urn:ngsi-ld:Room:001", event.path("entityId").asText());
            }
        }
    }

    @Test
    void aTenantAdminOrUserTokenForAnotherTenantIsClosedWith1008() {
        for (Role role : List.of(Role.USER, Role.TENANT_ADMIN)) {
            try (WebSocketProbe client = WebSocketProbe.connect(ws("globex"),
                    bearer(DevCredentials.tokenFor("acme", role)))) {
                assertEquals(1008, client.awaitClose(WAIT), role.wireName());
            }
        }
    }

    @Test
    void aSuperAdminOpensAnyTenant() {
        String tenant = tenant();
        try (EntityChanges writer = new EntityChanges();
                WebSocketProbe client = WebSocketProbe.connect(ws(tenant),
                        bearer(DevCredentials.tokenFor("platform", Role.SUPER_ADMIN)))) {
            awaitPong(client);
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:7", "Room", 20));
            assertEquals("urn:ngsi-ld:Room:7", json(client.next(WAIT)).path("entityId").asText());
        }
    }

    @Test
    void aMissingTenantIsRefusedWithAReason() {
        String token = DevCredentials.tokenFor("acme", Role.USER);
        try (WebSocketProbe client = WebSocketProbe.connect(URI.create(ws() + "/"), bearer(token))) {
            assertEquals(1008, client.awaitClose(WAIT));
        }
    }

    @Test
    void aPlainGetOnTheRootIsLeftToTheDashboard() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>StreamGate — live dashboard</title>"), page.body());
    }

    // --- messages and filters -------------------------------------------------------------------

    @Test
    void pingIsAnsweredWithPong() {
        try (WebSocketProbe client = connected(tenant())) {
            client.send("{\"action\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", client.next(WAIT));
        }
    }

    @Test
    void eventsCarryGeonicDbsFieldsAndChangedAttributesOnUpdatesOnly() {
        String tenant = tenant();
        try (EntityChanges writer = new EntityChanges(); WebSocketProbe client = connected(tenant)) {
            String id = "urn:ngsi-ld:Room:fields";
            writer.send(EntityChanges.created(tenant, "/building/a", id, "Room", 22.0));
            writer.send(EntityChanges.updated(tenant, id, "Room", 23.5));
            writer.sendAndFlush(EntityChange.deleted(tenant, "/", id, "Room", EntityChanges.temperature(23.5),
                    java.time.Instant.parse("2024-01-01T00:00:00Z")));
            JsonNode created = json(client.next(WAIT));
            assertEquals("entityCreated", created.path("type").asText());
            assertEquals(tenant, created.path("tenant").asText());
            assertEquals("/building/a", created.path("servicePath").asText(), "the path it was written under");
            assertEquals("Room", created.path("entityType").asText());
            assertEquals("Number", created.path("data").path("temperature").path("type").asText());
            assertEquals(22.0, created.path("data").path("temperature").path("value").asDouble());
            JsonNode updated = json(client.next(WAIT));
            assertEquals("entityUpdated", updated.path("type").asText());
            assertEquals("[\"temperature\"]", updated.path("changedAttributes").toString());
            assertEquals(23.5, updated.path("data").path("temperature").path("value").asDouble());
            JsonNode deleted = json(client.next(WAIT));
            assertEquals("entityDeleted", deleted.path("type").asText());
            assertTrue(deleted.path("changedAttributes").isMissingNode(), deleted.toString());
            assertEquals("2024-01-01T00:00:00Z", deleted.path("timestamp").asText());
        }
    }

    @Test
    void aFilterByTypeKeepsOnlyThoseTypes() {
        String tenant = tenant();
        try (EntityChanges writer = new EntityChanges(); WebSocketProbe client = connected(tenant)) {
            subscribe(client, "{\"action\":\"subscribe\",\"entityTypes\":[\"Room\",\"Sensor\"]}");
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:ParkingSpot:1", "ParkingSpot", 0),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Sensor:1", "Sensor", 1),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:1", "Room", 2));
            assertEquals(Set.of("urn:ngsi-ld:Sensor:1", "urn:ngsi-ld:Room:1"), Set.copyOf(ids(client, 2)));
            assertQuiet(client);
        }
    }

    @Test
    void aFilterByIdPatternKeepsOnlyMatchingIds() {
        String tenant = tenant();
        try (EntityChanges writer = new EntityChanges(); WebSocketProbe client = connected(tenant)) {
            subscribe(client, "{\"action\":\"subscribe\",\"idPattern\":\"urn:ngsi-ld:Room:.*\"}");
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Sensor:1", "Room", 0),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:2", "Room", 1));
            assertEquals(List.of("urn:ngsi-ld:Room:2"), ids(client, 1));
            assertQuiet(client);
        }
    }

    @Test
    void typeAndPatternTogetherMustBothMatch() {
        String tenant = tenant();
        try (EntityChanges writer = new EntityChanges(); WebSocketProbe client = connected(tenant)) {
            subscribe(client, "{\"action\":\"subscribe\",\"entityTypes\":[\"Room\"],\"idPattern\":\"^urn:ngsi-ld:Room:0\"}");
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:0a", "Sensor", 0),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:1", "Room", 1),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:0b", "Room", 2));
            assertEquals(List.of("urn:ngsi-ld:Room:0b"), ids(client, 1));
            assertQuiet(client);
        }
    }

    @Test
    void aNewSubscribeReplacesTheFilter() {
        String tenant = tenant();
        try (EntityChanges writer = new EntityChanges(); WebSocketProbe client = connected(tenant)) {
            subscribe(client, "{\"action\":\"subscribe\",\"entityTypes\":[\"Room\"]}");
            subscribe(client, "{\"action\":\"subscribe\",\"entityTypes\":[\"Sensor\"]}");
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:1", "Room", 0),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Sensor:1", "Sensor", 1));
            assertEquals(List.of("urn:ngsi-ld:Sensor:1"), ids(client, 1));
            // A subscribe without fields selects everything again.
            subscribe(client, "{\"action\":\"subscribe\"}");
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:2", "Room", 2));
            assertEquals(List.of("urn:ngsi-ld:Room:2"), ids(client, 1));
        }
    }

    @Test
    void aBadPatternIsRefusedWithAnErrorAndTheFilterStays() {
        String tenant = tenant();
        try (EntityChanges writer = new EntityChanges(); WebSocketProbe client = connected(tenant)) {
            subscribe(client, "{\"action\":\"subscribe\",\"entityTypes\":[\"Room\"]}");
            client.send("{\"action\":\"subscribe\",\"idPattern\":\"urn:(Room\"}");
            JsonNode error = json(client.next(WAIT));
            assertEquals("error", error.path("type").asText());
            assertTrue(error.path("message").asText().startsWith("idPattern is not a valid regular expression"),
                    error.toString());
            client.send("{\"action\":\"subscribe\",\"idPattern\":\"" + "a".repeat(257) + "\"}");
            assertTrue(json(client.next(WAIT)).path("message").asText().contains("at most 256"));
            client.send("{\"action\":\"subscribe\",\"entityTypes\":\"Room\"}");
            assertEquals("entityTypes must be an array of strings", json(client.next(WAIT)).path("message").asText());
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Sensor:1", "Sensor", 0),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:1", "Room", 1));
            assertEquals(List.of("urn:ngsi-ld:Room:1"), ids(client, 1));
            assertQuiet(client);
        }
    }

    @Test
    void unknownActionsAndMalformedJsonGetAnError() {
        try (WebSocketProbe client = connected(tenant())) {
            client.send("{\"action\":\"unsubscribe\"}");
            assertTrue(json(client.next(WAIT)).path("message").asText().startsWith("Unknown action: unsubscribe"));
            client.send("{not json");
            assertEquals("error", json(client.next(WAIT)).path("type").asText());
        }
    }

    @Test
    void aPathologicalPatternCannotStallTheStream() {
        String tenant = tenant();
        String evil = "urn:" + "a".repeat(60) + "!";
        try (EntityChanges writer = new EntityChanges(); WebSocketProbe pathological = connected(tenant);
                WebSocketProbe bystander = connected(tenant)) {
            // Exponential backtracking on an id of 60 'a's: without a budget, longer than the test runs.
            subscribe(pathological, "{\"action\":\"subscribe\",\"idPattern\":\"^urn:(a+)+$\"}");
            writer.sendAndFlush(EntityChanges.created(tenant, "/", evil, "Room", 0),
                    EntityChanges.created(tenant, "/", "urn:aaaa", "Room", 1));
            assertEquals(Set.of(evil, "urn:aaaa"), Set.copyOf(ids(bystander, 2)), "the engine kept going");
            assertEquals(List.of("urn:aaaa"), ids(pathological, 1), "the given-up match counts as no match");
            assertQuiet(pathological);
        }
    }

    @Test
    void thePythonExampleOfTheDocumentationPrintsRoomChanges() throws Exception {
        String tenant = "smartcity";
        try (EntityChanges writer = new EntityChanges();
                SeedPage python = SeedPage.python(ws(tenant), DevCredentials.tokenFor(tenant, Role.USER))) {
            python.pingAndAwaitPong(WAIT);
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:Sensor:py", "Sensor", 0),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:py", "Room", 23.5));
            assertEquals(List.of("entityCreated: urn:ngsi-ld:Room:py {\"temperature\":{\"type\":\"Number\","
                    + "\"value\":23.5}}"), python.awaitLines(1, WAIT));
            writer.sendAndFlush(EntityChanges.updated(tenant, "urn:ngsi-ld:Room:py", "Room", 24));
            assertEquals("entityUpdated: urn:ngsi-ld:Room:py {\"temperature\":{\"type\":\"Number\",\"value\":24.0}}",
                    python.awaitLines(2, WAIT).get(1), "the sensor never printed");
        }
    }

    // --- order and isolation --------------------------------------------------------------------

    @Test
    void tenantBReceivesNoneOfTenantAsTenThousandChangesAndAReceivesAllInOrder() {
        String tenantA = tenant();
        String tenantB = tenant();
        int changes = 10_000;
        try (EntityChanges writer = new EntityChanges(); WebSocketProbe a = connected(tenantA);
                WebSocketProbe b = connected(tenantB)) {
            for (int i = 0; i < changes; i++) {
                writer.send(EntityChanges.updated(tenantA, "urn:ngsi-ld:Sensor:" + (i % 10), "Sensor", i));
            }
            writer.flush();
            double[] last = new double[10];
            java.util.Arrays.fill(last, -1);
            for (int i = 0; i < changes; i++) {
                JsonNode event = json(a.next(WAIT));
                int sensor = Integer.parseInt(event.path("entityId").asText().substring("urn:ngsi-ld:Sensor:".length()));
                double value = event.path("data").path("temperature").path("value").asDouble();
                assertTrue(value > last[sensor], "in order per entity: " + value + " after " + last[sensor]);
                last[sensor] = value;
            }
            writer.sendAndFlush(EntityChanges.created(tenantB, "/", "urn:ngsi-ld:Room:b", "Room", 0));
            // B's first message is its own tenant's: nothing of A's 10,000 reached it before.
            assertEquals("urn:ngsi-ld:Room:b", json(b.next(WAIT)).path("entityId").asText());
            assertQuiet(b);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private static String tenant() {
        return "geo" + TENANTS.incrementAndGet() + "t" + ProcessHandle.current().pid();
    }

    private WebSocketProbe connected(String tenant) {
        WebSocketProbe client = WebSocketProbe.connect(ws(tenant), bearer(DevCredentials.tokenFor(tenant, Role.USER)));
        awaitPong(client);
        return client;
    }

    /** A ping answered means the connection is admitted and subscribed (messages are read after open). */
    private static void awaitPong(WebSocketProbe client) {
        client.send("{\"action\":\"ping\"}");
        assertEquals("{\"type\":\"pong\"}", client.next(WAIT));
    }

    /** Sends a subscribe; the pong that follows proves it is in force (messages are answered in order). */
    private static void subscribe(WebSocketProbe client, String message) {
        client.send(message);
        awaitPong(client);
    }

    /** The ids of the next events; in order per entity only (Kafka partitions by tenant/entity id). */
    private static List<String> ids(WebSocketProbe client, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(json(client.next(WAIT)).path("entityId").asText());
        }
        return ids;
    }

    private static void assertQuiet(WebSocketProbe client) {
        List<String> more = client.pollFor(QUIET);
        assertTrue(more.isEmpty(), "nothing else arrives: " + more);
    }

    static JsonNode json(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private URI ws() {
        String base = root.toString().replaceFirst("^http", "ws");
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** GeonicDB's own spelling: {@code ws://host:port?tenant=…}, no slash before the query. */
    private URI ws(String tenant) {
        return URI.create(ws() + "?tenant=" + tenant);
    }
}
