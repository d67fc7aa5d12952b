package io.streamgate.gateway.dialect.geonicdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.platform.identity.Role;

/** GeonicDB's SSE fallback at {@code /sse/entities}: the same events, filtered by query, resumed exactly. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class GeonicDbSseTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger TENANTS = new AtomicInteger();

    @TestHTTPResource("/sse/entities")
    URI endpoint;

    @Test
    void theStreamCarriesTheSameEventsFilteredByItsQuery() throws Exception {
        String tenant = tenant();
        try (EntityChanges writer = new EntityChanges();
                SseProbe sse = open(URI.create(endpoint + "?tenant=" + tenant
                        + "&entityTypes=Room,Sensor&idPattern=%3A00"), auth(tenant))) {
            writer.sendAndFlush(EntityChanges.created(tenant, "/", "urn:ngsi-ld:ParkingSpot:001", "ParkingSpot", 0),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:101", "Room", 1),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Room:001", "Room", 23.5),
                    EntityChanges.created(tenant, "/", "urn:ngsi-ld:Sensor:002", "Sensor", 3));
            // Two entities: in order per entity only (Kafka partitions by tenant/entity id).
            Map<String, SseProbe.Event> received = new java.util.HashMap<>();
            for (int i = 0; i < 2; i++) {
                SseProbe.Event event = sse.next(any -> true, WAIT);
                received.put(id(event), event);
            }
            assertEquals(java.util.Set.of("urn:ngsi-ld:Room:001", "urn:ngsi-ld:Sensor:002"), received.keySet());
            SseProbe.Event room = received.get("urn:ngsi-ld:Room:001");
            assertNotNull(room.id(), "every event has a resumable id");
            assertNull(room.name(), "unnamed, so EventSource.onmessage gets it");
            JsonNode event = GeonicDbStreamTest.json(room.data());
            assertEquals("entityCreated", event.path("type").asText());
            assertEquals(tenant, event.path("tenant").asText());
            assertEquals(23.5, event.path("data").path("temperature").path("value").asDouble());
        }
    }

    @Test
    void lastEventIdResumesExactlyAfterThatEvent() throws Exception {
        String tenant = tenant();
        URI uri = URI.create(endpoint + "?tenant=" + tenant);
        List<String> ids = new ArrayList<>();
        try (EntityChanges writer = new EntityChanges()) {
            try (SseProbe sse = open(uri, auth(tenant))) {
                for (int i = 1; i <= 3; i++) {
                    writer.sendAndFlush(EntityChanges.updated(tenant, "urn:ngsi-ld:Sensor:r", "Sensor", i));
                    SseProbe.Event event = sse.next(any -> true, WAIT);
                    assertEquals(i, value(event));
                    ids.add(event.id());
                }
            }
            // Missed while disconnected: 4 and 5.
            writer.sendAndFlush(EntityChanges.updated(tenant, "urn:ngsi-ld:Sensor:r", "Sensor", 4),
                    EntityChanges.updated(tenant, "urn:ngsi-ld:Sensor:r", "Sensor", 5));
            Map<String, String> resume = new java.util.HashMap<>(auth(tenant));
            resume.put("Last-Event-ID", ids.get(1));
            try (SseProbe sse = open(uri, resume)) {
                assertEquals(3, value(sse.next(any -> true, WAIT)), "the first event after the id given");
                assertEquals(4, value(sse.next(any -> true, WAIT)));
                assertEquals(5, value(sse.next(any -> true, WAIT)));
                writer.sendAndFlush(EntityChanges.updated(tenant, "urn:ngsi-ld:Sensor:r", "Sensor", 6));
                assertEquals(6, value(sse.next(any -> true, WAIT)), "then live, nothing twice");
            }
        }
    }

    @Test
    void withoutATokenTheStreamEndsWith1008() throws Exception {
        try (SseProbe sse = open(URI.create(endpoint + "?tenant=" + tenant()), Map.of())) {
            SseProbe.Event close = sse.next(any -> true, WAIT);
            assertEquals("close", close.name());
            assertEquals(1008, GeonicDbStreamTest.json(close.data()).path("code").asInt());
        }
    }

    @Test
    void aBadPatternEndsTheStreamWithTheReason() throws Exception {
        String tenant = tenant();
        try (SseProbe sse = open(URI.create(endpoint + "?tenant=" + tenant + "&idPattern=%28Room"),
                auth(tenant))) {
            SseProbe.Event close = sse.next(any -> true, WAIT);
            assertEquals("close", close.name());
            JsonNode reason = GeonicDbStreamTest.json(close.data());
            assertEquals(1008, reason.path("code").asInt());
            assertTrue(reason.path("reason").asText().startsWith("idPattern is not a valid regular expression"),
                    reason.toString());
        }
    }

    private static double value(SseProbe.Event event) {
        return GeonicDbStreamTest.json(event.data()).path("data").path("temperature").path("value").asDouble();
    }

    private static String id(SseProbe.Event event) {
        return GeonicDbStreamTest.json(event.data()).path("entityId").asText();
    }

    private static Map<String, String> auth(String tenant) {
        return Map.of("Authorization", "Bearer " + DevCredentials.tokenFor(tenant, Role.USER));
    }

    private static String tenant() {
        return "sse" + TENANTS.incrementAndGet() + "t" + ProcessHandle.current().pid();
    }

    /** An accepted stream: 200 and {@code text/event-stream}, as a browser's EventSource requires. */
    private static SseProbe open(URI uri, Map<String, String> headers) {
        SseProbe sse = SseProbe.open(uri, headers);
        assertEquals(200, sse.status());
        assertEquals("text/event-stream", String.valueOf(sse.header("Content-Type")).split(";")[0]);
        return sse;
    }
}
