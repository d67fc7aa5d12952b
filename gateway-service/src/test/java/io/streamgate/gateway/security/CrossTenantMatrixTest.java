package io.streamgate.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.testing.DevstackProducer;
import io.streamgate.platform.aviation.AcarsMessage;
import io.streamgate.platform.devices.GeoPoint;
import io.streamgate.platform.devices.GeofenceEvent;
import io.streamgate.platform.entities.EntityChange;
import io.streamgate.platform.entities.NgsiAttribute;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.jobs.JobEvent;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topic;
import io.streamgate.platform.topic.Topics;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

import com.fasterxml.jackson.databind.node.DoubleNode;

import io.streamgate.platform.workflows.WorkflowKeys;

/**
 * The attack matrix's "another tenant's token" row for every dialect and both transports: a client of
 * tenant B, validly authenticated, receives none of tenant A's events while it does receive its own, and
 * tenant A's client receives A's (so the events were deliverable and the check can fail). Each round writes
 * A's event, then B's, under one record key — one partition, so when B's arrives, A's was already read and
 * skipped. Plus the named resources: B cannot open A's SpatialFlow workflow or execution (4004) nor A's
 * GeonicDB tenant (1008).
 */
@QuarkusTest
@TestProfile(SecurityProfile.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class CrossTenantMatrixTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration ROUND = Duration.ofSeconds(2);
    private static KafkaProducer<String, byte[]> producer;

    @TestHTTPResource("/")
    URI root;

    @Inject
    Redis redis;

    @BeforeAll
    static void producer() {
        producer = DevstackProducer.open();
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    /** One dialect's stream on one transport, and an event of its that carries a marker. */
    enum Target {
        SKYSPY_WS("/ws/acars/"), SKYSPY_SSE("/sse/acars/"),
        SPATIALFLOW_WS("/ws/events/geofence/"), SPATIALFLOW_SSE("/sse/events/geofence/"),
        HALTLESS_WS("/api/v1/ws/dashboard"), HALTLESS_SSE("/api/v1/sse/dashboard"),
        SPOOLED_WS("/api/v1/ws"), SPOOLED_SSE("/api/v1/events"),
        GEONICDB_WS("/?tenant="), GEONICDB_SSE("/sse/entities?tenant=");

        final String path;

        Target(String path) {
            this.path = path;
        }

        boolean sse() {
            return name().endsWith("_SSE");
        }

        String dialect() {
            return name().substring(0, name().indexOf('_'));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void aClientOfAnotherTenantReceivesNoneOfTheFirstTenantsEventsAndAllOfItsOwn(Target target) throws Exception {
        String a = "xa" + UUID.randomUUID().toString().substring(0, 8);
        String b = "xb" + UUID.randomUUID().toString().substring(0, 8);
        String key = "cross-" + UUID.randomUUID();
        List<String> aMarkers = new ArrayList<>();
        try (Client ofA = connect(target, a); Client ofB = connect(target, b)) {
            String seenByB = null;
            String lastOfA = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            // Rounds until B's stream is live: a subscription may start after a round's events were read.
            for (int round = 0; seenByB == null && System.nanoTime() < deadline; round++) {
                String theirs = "A" + round + a;
                String ours = "B" + round + b;
                aMarkers.add(theirs);
                publish(target, a, key, theirs);
                publish(target, b, key, ours);
                seenByB = ofB.next(f -> f.contains(ours), ROUND);
                lastOfA = theirs;
            }
            assertTrue(seenByB != null, target + ": B receives its own events");
            String last = lastOfA;
            assertTrue(ofA.next(f -> f.contains(last), WAIT) != null, target + ": A's events are deliverable");
            for (String frame : ofB.received()) {
                for (String marker : aMarkers) {
                    assertFalse(frame.contains(marker), target + ": B received A's event: " + frame);
                }
                assertFalse(frame.contains(a), target + ": B received something naming tenant A: " + frame);
            }
        }
    }

    @Test
    void anotherTenantsNamedResourcesAreRefused() throws Exception {
        String owner = "xo" + UUID.randomUUID().toString().substring(0, 8);
        String stranger = "xs" + UUID.randomUUID().toString().substring(0, 8);
        String workflow = "wf-" + UUID.randomUUID();
        String definition = "{\"id\":\"" + workflow + "\",\"name\":\"Arrivals\",\"enabled\":true,"
                + "\"trigger\":{\"geofence_id\":\"zrh\",\"event_type\":\"entry\"},\"steps\":[],"
                + "\"created_at\":\"2026-02-05T10:00:00Z\",\"updated_at\":\"2026-02-05T10:00:00Z\"}";
        redis.send(Request.cmd(Command.HSET).arg(WorkflowKeys.workflows(owner)).arg(workflow).arg(definition))
                .toCompletionStage().toCompletableFuture().join();
        String path = "/ws/workflows/" + workflow + "/";
        try (WebSocketProbe mine = WebSocketProbe.connect(ws(path), List.of("access_token", token(owner)))) {
            assertTrue(mine.next(WAIT) != null && mine.isOpen(), "the owner opens its workflow (the control)");
        }
        try (WebSocketProbe theirs = WebSocketProbe.connect(ws(path), List.of("access_token", token(stranger)))) {
            assertEquals(4004, theirs.awaitClose(WAIT), "another tenant's SpatialFlow workflow is not found");
        }
        try (SseProbe theirs = SseProbe.open(root.resolve("/sse/workflows/" + workflow + "/"), bearer(stranger))) {
            if (theirs.status() == 200) {
                SseProbe.Event first = theirs.next(any -> true, WAIT);
                assertEquals("close", first.name());
                assertEquals(4004, Json.mapper().readTree(first.data()).path("code").asInt());
            } else {
                assertEquals(404, theirs.status(), "another tenant's workflow over SSE");
            }
        }
        try (WebSocketProbe theirs = WebSocketProbe.connect(ws("/?tenant=" + owner), bearer(stranger))) {
            assertEquals(1008, theirs.awaitClose(WAIT), "another tenant's GeonicDB tenant");
        }
    }

    // ----------------------------------------------------------------------------------------------------

    private void publish(Target target, String tenant, String key, String marker) throws Exception {
        Instant now = Instant.now();
        switch (target.dialect()) {
        case "SKYSPY" -> send(Topics.ACARS_MESSAGES, EventTypes.ACARS_MESSAGE, tenant, key,
                Json.encode(new AcarsMessage(now, "ACARS", 3, "131.550", null, null, "XT1", "SQ", "A", "001", marker,
                        null, -42.5)));
        case "SPATIALFLOW" -> send(Topics.GEOFENCE_EVENTS, EventTypes.GEOFENCE_EVENT, tenant, key,
                Json.encode(new GeofenceEvent(UUID.randomUUID().toString(), marker,
                        "123e4567-e89b-12d3-a456-426614174000", "Zone", "entry", new GeoPoint(37.77, -122.41), now)));
        case "HALTLESS" -> send(Topics.SENSOR_READINGS, EventTypes.SENSOR_READING, tenant, key,
                Json.encode(new SensorReading(marker, "rpm", 1200, "rpm", now)));
        case "SPOOLED" -> send(Topics.JOBS_EVENTS, EventTypes.JOB_PREFIX + "created", tenant, key,
                Json.encode(new JobEvent("created", marker, "emails", "pending", null, 1, 3, 0, null, null, null, null,
                        null, now)));
        case "GEONICDB" -> send(Topics.ENTITIES_CHANGES, EventTypes.ENTITY_CHANGE, tenant, key,
                Json.encode(EntityChange.created(tenant, "/", "urn:ngsi-ld:Room:" + marker, "Room",
                        Map.of("temperature", new NgsiAttribute("Number", DoubleNode.valueOf(21))), now)));
        default -> throw new IllegalArgumentException(target.toString());
        }
    }

    private static void send(Topic topic, String type, String tenant, String key, byte[] value) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test/cross-tenant", type, Instant.now(), key, tenant), topic,
                headers);
        producer.send(new ProducerRecord<>(topic.name(), null, key, value, headers)).get(30, TimeUnit.SECONDS);
    }

    /** Connects as the dialect's own clients present a credential. */
    private Client connect(Target target, String tenant) {
        String path = target.path + (target.dialect().equals("GEONICDB") ? tenant : "");
        if (target.sse()) {
            SseProbe stream = SseProbe.open(root.resolve(path), bearer(tenant));
            assertEquals(200, stream.status(), target + " admits its tenant");
            return new SseClient(stream);
        }
        WebSocketProbe socket = switch (target) {
        case HALTLESS_WS -> {
            WebSocketProbe client = WebSocketProbe.connect(ws(path));
            client.send(token(tenant));
            yield client;
        }
        case SPATIALFLOW_WS -> WebSocketProbe.connect(ws(path), List.of("access_token", token(tenant)));
        case SPOOLED_WS -> WebSocketProbe.connect(ws(path + "?token=" + URLEncoder.encode(token(tenant),
                StandardCharsets.UTF_8)));
        default -> WebSocketProbe.connect(ws(path), bearer(tenant));
        };
        return new SocketClient(socket);
    }

    private static String token(String tenant) {
        JwtClaims claims = DevCredentials.claims(tenant, "user-" + tenant, Set.of(Role.USER), Duration.ofMinutes(10));
        claims.setAudience(SecurityProfile.AUDIENCE);
        return DevCredentials.signWithDevKey(claims);
    }

    private static Map<String, String> bearer(String tenant) {
        return Map.of("Authorization", "Bearer " + token(tenant));
    }

    private URI ws(String path) {
        return URI.create(root.resolve(path).toString().replaceFirst("^http", "ws"));
    }

    /** A WebSocket or an SSE stream, read the same way; keeps every message it was given. */
    private abstract static class Client implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();

        /** The next message matching {@code wanted} within {@code timeout}, or null. */
        abstract String next(Predicate<String> wanted, Duration timeout);

        List<String> received() {
            return received;
        }

        @Override
        public abstract void close();
    }

    private static final class SocketClient extends Client {
        private final WebSocketProbe socket;
        SocketClient(WebSocketProbe socket) {
            this.socket = socket;
        }

        @Override
        String next(Predicate<String> wanted, Duration timeout) {
            try {
                return socket.nextMatching(frame -> {
                    received.add(frame);
                    return wanted.test(frame);
                }, timeout);
            } catch (AssertionError timedOut) {
                return null;
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static final class SseClient extends Client {
        private final SseProbe stream;
        SseClient(SseProbe stream) {
            this.stream = stream;
        }

        @Override
        String next(Predicate<String> wanted, Duration timeout) {
            try {
                SseProbe.Event event = stream.next(e -> {
                    received.add(e.data());
                    return wanted.test(e.data());
                }, timeout);
                return event == null ? null : event.data();
            } catch (AssertionError timedOut) {
                return null;
            }
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
