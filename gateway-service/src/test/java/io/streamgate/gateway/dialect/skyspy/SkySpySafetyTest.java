package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.safety.SafetyEvent;
import io.streamgate.platform.topic.Topics;

/** SkySpy's safety endpoint over safety-service's events: live, snapshot of what is active, requests. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpySafetyTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    @TestHTTPResource("/ws/safety/")
    URI endpoint;

    @Test
    void anEmergencyIsDeliveredLiveListedInSnapshotsWhileActiveAndEndedExplicitly() throws Exception {
        long id = IDS.incrementAndGet();
        try (WebSocketProbe watcher = WebSocketProbe.connect(ws())) {
            assertEquals("safety:snapshot", json(watcher.next(WAIT)).path("type").asText());
            watcher.send("{\"action\":\"ping\"}");
            watcher.nextMatching(f -> f.contains("pong"), WAIT);

            publish(squawk7700(id, true));
            JsonNode live = json(watcher.nextMatching(f -> f.contains("\"id\":" + id), WAIT));
            assertEquals("safety:event", live.path("type").asText());
            assertEquals("emergency_squawk", live.path("data").path("event_type").asText());
            assertEquals("critical", live.path("data").path("severity").asText());
            assertEquals("7700", live.path("data").path("details").path("squawk").asText());
            assertFalse(live.path("event_id").asText().isEmpty());

            try (WebSocketProbe late = WebSocketProbe.connect(ws())) {
                JsonNode snapshot = json(late.next(WAIT));
                assertEquals("safety:snapshot", snapshot.path("type").asText());
                assertTrue(snapshot.path("data").path("events").toString().contains("\"id\":" + id));

                late.send("{\"action\":\"request\",\"type\":\"active_events\",\"request_id\":\"s1\","
                        + "\"params\":{\"severity\":\"critical\"}}");
                JsonNode active = json(late.nextMatching(f -> f.contains("\"s1\""), WAIT));
                assertTrue(active.path("data").toString().contains("\"id\":" + id));
                late.send("{\"action\":\"request\",\"type\":\"safety-event-detail\",\"request_id\":\"s2\","
                        + "\"params\":{\"event_id\":" + id + "}}");
                JsonNode detail = json(late.nextMatching(f -> f.contains("\"s2\""), WAIT));
                assertEquals("A1B2C3".toLowerCase(), detail.path("data").path("icao_hex").asText());
            }

            publish(squawk7700(id, false));
            JsonNode ended = json(watcher.nextMatching(f -> f.contains("\"id\":" + id)
                    && f.contains("\"active\":false"), WAIT));
            assertEquals("safety:event", ended.path("type").asText());
        }
        try (WebSocketProbe after = WebSocketProbe.connect(ws())) {
            JsonNode snapshot = json(after.next(WAIT));
            assertFalse(snapshot.path("data").path("events").toString().contains("\"id\":" + id),
                    "an ended event is no longer in the snapshot");
        }
    }

    @Test
    void anOperatorAcknowledgesAnActiveEventOnceAndLaterAnswersSaySo() throws Exception {
        long id = IDS.incrementAndGet();
        try (WebSocketProbe operator = WebSocketProbe.connect(ws(), bearer("operator-1"));
                WebSocketProbe anonymous = WebSocketProbe.connect(ws())) {
            assertEquals("safety:snapshot", json(operator.next(WAIT)).path("type").asText());
            publish(squawk7700(id, true));
            operator.nextMatching(f -> f.contains("\"id\":" + id), WAIT);

            operator.send(acknowledge("a1", id));
            JsonNode ack = json(operator.nextMatching(f -> f.contains("\"a1\""), WAIT));
            assertEquals("response", ack.path("type").asText());
            assertEquals("acknowledge", ack.path("request_type").asText());
            assertEquals(id, ack.path("data").path("event_id").asLong());
            assertTrue(ack.path("data").path("acknowledged").asBoolean());
            assertEquals("operator-1", ack.path("data").path("acknowledged_by").asText());

            try (WebSocketProbe second = WebSocketProbe.connect(ws(), bearer("operator-2"))) {
                second.next(WAIT);
                second.send(acknowledge("a2", id));
                JsonNode again = json(second.nextMatching(f -> f.contains("\"a2\""), WAIT));
                assertEquals("operator-1", again.path("data").path("acknowledged_by").asText(),
                        "the first acknowledgement stands");
                second.send("{\"action\":\"request\",\"type\":\"active_events\",\"request_id\":\"a3\",\"params\":{}}");
                JsonNode active = json(second.nextMatching(f -> f.contains("\"a3\""), WAIT));
                boolean found = false;
                for (JsonNode event : active.path("data")) {
                    if (event.path("id").asLong() == id) {
                        found = true;
                        assertTrue(event.path("acknowledged").asBoolean(), event.toString());
                    }
                }
                assertTrue(found, active.toString());
            }

            operator.send(acknowledge("a4", 42));
            JsonNode unknown = json(operator.nextMatching(f -> f.contains("\"a4\""), WAIT));
            assertEquals("error", unknown.path("type").asText());
            assertEquals("Event not found", unknown.path("message").asText());

            anonymous.next(WAIT);
            anonymous.send(acknowledge("a5", id));
            JsonNode refused = json(anonymous.nextMatching(f -> f.contains("\"a5\""), WAIT));
            assertEquals("Permission denied", refused.path("message").asText());

            operator.send("{\"action\":\"request\",\"type\":\"acknowledge\",\"request_id\":\"a6\",\"params\":{}}");
            JsonNode missing = json(operator.nextMatching(f -> f.contains("\"a6\""), WAIT));
            assertTrue(missing.path("message").asText().startsWith("Missing parameter: event_id"), missing.toString());
        } finally {
            publish(squawk7700(id, false));
        }
    }

    private static String acknowledge(String requestId, long id) {
        return "{\"action\":\"request\",\"type\":\"acknowledge\",\"request_id\":\"" + requestId
                + "\",\"params\":{\"event_id\":" + id + "}}";
    }

    private static Map<String, String> bearer(String subject) {
        return Map.of("Authorization", "Bearer " + DevCredentials.signWithDevKey(DevCredentials.claims("default", subject, java.util.Set.of(Role.USER), Duration.ofMinutes(30))));
    }

    private static SafetyEvent squawk7700(long id, boolean active) {
        Instant now = Instant.now();
        return new SafetyEvent(id, now, SafetyEvent.TYPE_EMERGENCY_SQUAWK, SafetyEvent.CRITICAL, "a1b2c3", null,
                "N12345", null, "Emergency squawk 7700 detected",
                Map.of("squawk", "7700", "altitude", 10000, "position", Map.of("lat", 34.05, "lon", -118.25)),
                now.minusSeconds(30), now, active, false);
    }

    private static void publish(SafetyEvent event) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.SAFETY_EVENT, event.timestamp(),
                String.valueOf(event.id()), "default"), headers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.SAFETY_EVENTS.name(), null, String.valueOf(event.id()),
                    Json.encode(event), headers)).get(30, TimeUnit.SECONDS);
        }
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    private static JsonNode json(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError(frame, e);
        }
    }
}
