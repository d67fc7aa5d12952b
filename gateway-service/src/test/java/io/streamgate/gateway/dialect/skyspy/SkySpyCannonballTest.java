package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/** A mobile user's threat view: aircraft around its position, with distance, bearing and trend. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyCannonballTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Far from every other test's aircraft, so the picture here is this test's own. */
    private static final double USER_LAT = -33.9;
    private static final double USER_LON = 151.2;

    @TestHTTPResource("/ws/cannonball/")
    URI endpoint;

    @Test
    void anApproachingHelicopterIsAThreatWithItsBearingAndTrend() throws Exception {
        try (WebSocketProbe phone = WebSocketProbe.connect(URI.create(endpoint.toString().replaceFirst("^http", "ws")))) {
            JsonNode started = json(phone.next(WAIT));
            assertEquals("session_started", started.path("type").asText());
            assertTrue(!started.path("session_id").asText().isEmpty());

            publish("c0ffe1", USER_LAT + 0.05, USER_LON);
            JsonNode first = awaitThreat(phone, "c0ffe1");
            assertEquals("unknown", first.path("trend").asText(), "first sighting");
            assertEquals(3.0, first.path("distance_nm").asDouble(), 0.05);
            assertEquals(0, first.path("bearing").asInt());
            assertEquals("N", first.path("direction").asText());
            assertEquals(true, first.path("is_helicopter").asBoolean());
            assertEquals("warning", first.path("threat_level").asText());

            publish("c0ffe1", USER_LAT + 0.03, USER_LON);
            JsonNode second = awaitThreatAt(phone, "c0ffe1", 1.8);
            assertEquals("approaching", second.path("trend").asText());
            assertEquals("critical", second.path("threat_level").asText());

            phone.send("{\"type\":\"set_radius\",\"radius_nm\":1}");
            assertEquals("{\"type\":\"radius_updated\",\"radius_nm\":1}",
                    phone.nextMatching(f -> f.contains("radius_updated"), WAIT));
            phone.send("{\"type\":\"position_update\",\"lat\":" + USER_LAT + ",\"lon\":" + USER_LON + "}");
            JsonNode outOfRange = json(phone.nextMatching(f -> f.contains("\"threats\""), WAIT));
            assertEquals(0, outOfRange.path("count").asInt(), "1.8 nm is outside a 1 nm radius");
        }
    }

    @Test
    void aPositionWithoutLatitudeIsAnError() {
        try (WebSocketProbe phone = WebSocketProbe.connect(URI.create(endpoint.toString().replaceFirst("^http", "ws")))) {
            phone.next(WAIT);
            phone.send("{\"type\":\"position_update\",\"lon\":151.2}");
            assertTrue(phone.nextMatching(f -> f.contains("error"), WAIT).contains("Missing parameter: lat"));
        }
    }

    /** Sends position updates until the aircraft shows up in a threats message. */
    private static JsonNode awaitThreat(WebSocketProbe phone, String hex) {
        return awaitThreatAt(phone, hex, Double.NaN);
    }

    private static JsonNode awaitThreatAt(WebSocketProbe phone, String hex, double distanceNm) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            phone.send("{\"type\":\"position_update\",\"lat\":" + USER_LAT + ",\"lon\":" + USER_LON + ",\"heading\":0}");
            JsonNode threats = json(phone.nextMatching(f -> f.contains("\"threats\""), WAIT));
            for (JsonNode threat : threats.path("data")) {
                if (threat.path("hex").asText().equals(hex) && (Double.isNaN(distanceNm)
                        || Math.abs(threat.path("distance_nm").asDouble() - distanceNm) < 0.05)) {
                    return threat;
                }
            }
        }
        throw new AssertionError(hex + " never appeared as expected");
    }

    private static void publish(String hex, double lat, double lon) throws Exception {
        AircraftPosition helicopter = new AircraftPosition(hex, "POL1", lat, lon, 1200, false, null, 90.0, 180.0,
                0, null, "7000", null, "A7", false, null, null, null, 0.1, false, Instant.now());
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.AIRCRAFT_POSITION, Instant.now(), hex,
                "default"), headers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(), null, hex, Json.encode(helicopter),
                    headers)).get(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode json(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError(frame, e);
        }
    }
}
