package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.SkySpyAircraftPicture;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.testing.DevstackProducer;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyAircraftEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger NEXT_HEX = new AtomicInteger(0xa00000);
    private static KafkaProducer<String, byte[]> producer;

    @TestHTTPResource("/ws/aircraft/")
    URI endpoint;

    @BeforeAll
    static void producer() {
        producer = DevstackProducer.open();
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aClientGetsASnapshotOnConnectThenNewAndUpdatedAircraft() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            SkySpyAircraftPicture picture = new SkySpyAircraftPicture();
            JsonNode snapshot = json(client.next(WAIT));
            assertEquals("aircraft:snapshot", snapshot.path("type").asText());
            assertEquals(snapshot.path("data").path("aircraft").size(), snapshot.path("data").path("count").asInt());
            assertTrue(snapshot.path("data").path("timestamp").asText()
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            picture.apply(snapshot.toString());

            String hex = nextHex();
            publish(position(hex, "TEST1", 47.45, 8.56, 12000));
            String first = client.nextMatching(frame -> frame.contains(hex), WAIT);
            assertTrue(first.contains("\"type\":\"aircraft:new\""), first);
            picture.apply(first);
            assertEquals("TEST1", picture.aircraft().get(hex).path("flight").asText());
            assertEquals(12000, picture.aircraft().get(hex).path("alt_baro").asInt());

            publish(position(hex, "TEST1", 47.50, 8.60, 12500));
            String second = client.nextMatching(frame -> frame.contains(hex), WAIT);
            assertTrue(second.contains("\"type\":\"aircraft:update\""), second);
            picture.apply(second);
            assertEquals(47.50, picture.aircraft().get(hex).path("lat").asDouble());
            assertEquals(8.60, picture.aircraft().get(hex).path("lon").asDouble());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // the SSE reader blocks; an interrupt ends a silent stream
    void theSseFallbackStreamsTheSnapshotThenTheSameAircraftMessages() throws Exception {
        URI sse = URI.create(ws().toString().replaceFirst("^ws", "http").replace("/ws/aircraft/", "/sse/aircraft/"));
        try (SkySpyEventEndpointsTest.SseReader reader = SkySpyEventEndpointsTest.SseReader.open(
                HttpClient.newHttpClient(), sse, null)) {
            SkySpyEventEndpointsTest.SseReader.Event snapshot = reader.next(event -> true);
            assertEquals("aircraft:snapshot", snapshot.name());
            assertEquals("aircraft:snapshot", json(snapshot.data()).path("type").asText());

            String hex = nextHex();
            publish(position(hex, "SSE1", 47.45, 8.56, 12000));
            SkySpyEventEndpointsTest.SseReader.Event first = reader.next(event -> event.data().contains(hex));
            assertEquals("aircraft:new", first.name(), "the event is named by the message type");
            assertEquals("SSE1", json(first.data()).path("data").path("flight").asText());
        }
    }

    @Test
    void aLateClientFindsKnownAircraftInItsSnapshot() {
        String hex = nextHex();
        try (WebSocketProbe early = WebSocketProbe.connect(ws())) {
            early.next(WAIT);
            publish(position(hex, "LATE1", 46.0, 7.0, 3000));
            early.nextMatching(frame -> frame.contains(hex), WAIT);
        }
        try (WebSocketProbe late = WebSocketProbe.connect(ws())) {
            SkySpyAircraftPicture picture = new SkySpyAircraftPicture();
            assertEquals("aircraft:snapshot", picture.apply(late.next(WAIT)));
            assertEquals("LATE1", picture.aircraft().get(hex).path("flight").asText());
        }
    }

    @Test
    void updatesWithinOneTickAreConflatedToTheLatest() {
        String hex = nextHex();
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            SkySpyAircraftPicture picture = new SkySpyAircraftPicture();
            picture.apply(client.next(WAIT));
            publish(position(hex, "BURST", 45.0, 6.0, 1000));
            picture.apply(client.nextMatching(frame -> frame.contains(hex), WAIT));

            int updates = 20;
            for (int i = 1; i <= updates; i++) {
                publishAsync(position(hex, "BURST", 45.0 + i * 0.001, 6.0, 1000 + i));
            }
            producer.flush();
            AtomicInteger received = new AtomicInteger();
            Deadline.await("the last update", WAIT, () -> {
                String frame = client.nextMatching(f -> f.contains(hex), WAIT);
                received.addAndGet(countOf(frame, hex));
                picture.apply(frame);
                return picture.aircraft().get(hex).path("alt_baro").asInt() == 1000 + updates;
            });
            assertEquals(45.0 + updates * 0.001, picture.aircraft().get(hex).path("lat").asDouble(), 1e-9);
            assertTrue(received.get() < updates, "conflated: " + received.get() + " of " + updates + " updates sent");
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send("{\"action\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", client.nextMatching(f -> f.contains("pong"), WAIT));
        }
    }

    @Test
    void subscribeIsConfirmedWithItsTopics() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send("{\"action\":\"subscribe\",\"topics\":[\"aircraft\",\"stats\"]}");
            assertEquals("{\"type\":\"subscribed\",\"topics\":[\"aircraft\",\"stats\"]}",
                    client.nextMatching(f -> f.contains("subscribed"), WAIT));
        }
    }

    @Test
    void badFramesGetTheDocumentedErrorsAndTheConnectionStaysOpen() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send("{not json");
            assertEquals("{\"type\":\"error\",\"message\":\"Invalid JSON format\"}",
                    client.nextMatching(f -> f.contains("error"), WAIT));
            client.send("{\"action\":\"dance\"}");
            assertEquals("{\"type\":\"error\",\"message\":\"Unknown action: dance\"}",
                    client.nextMatching(f -> f.contains("error"), WAIT));
            client.send("{\"action\":\"ping\"}");
            client.nextMatching(f -> f.contains("pong"), WAIT);
        }
    }

    @Test
    void requestsAreAnsweredFromTheLivePicture() {
        String military = nextHex();
        String civil = nextHex();
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.next(WAIT);
            publish(militaryPosition(military));
            publish(position(civil, "CIV1", 46.2, 6.1, 2000));
            client.nextMatching(f -> f.contains(civil), WAIT);

            client.send("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"r1\","
                    + "\"params\":{\"icao\":\"" + civil.toUpperCase() + "\"}}");
            JsonNode one = json(client.nextMatching(f -> f.contains("\"r1\""), WAIT));
            assertEquals("response", one.path("type").asText());
            assertEquals("aircraft", one.path("request_type").asText());
            assertEquals("CIV1", one.path("data").path("flight").asText());

            client.send("{\"action\":\"request\",\"type\":\"aircraft_list\",\"request_id\":\"r2\","
                    + "\"params\":{\"military_only\":true,\"min_altitude\":10000}}");
            JsonNode list = json(client.nextMatching(f -> f.contains("\"r2\""), WAIT));
            assertTrue(list.path("data").path("aircraft").size() >= 1);
            list.path("data").path("aircraft").forEach(a -> assertTrue(a.path("is_military").asBoolean()));
            assertTrue(list.path("data").toString().contains(military));
            assertFalse(list.path("data").toString().contains(civil));

            client.send("{\"action\":\"request\",\"type\":\"aircraft-info-bulk\",\"request_id\":\"r3\","
                    + "\"params\":{\"icaos\":[\"" + military + "\",\"" + civil + "\",\"ffffff\"]}}");
            JsonNode bulk = json(client.nextMatching(f -> f.contains("\"r3\""), WAIT));
            assertEquals("F16", bulk.path("data").path(military).path("type_code").asText());
            assertEquals(civil, bulk.path("data").path(civil).path("icao_hex").asText());
            assertFalse(bulk.path("data").has("ffffff"));

            client.send("{\"action\":\"request\",\"type\":\"aircraft-stats\",\"request_id\":\"r4\"}");
            JsonNode stats = json(client.nextMatching(f -> f.contains("\"r4\""), WAIT));
            assertTrue(stats.path("data").path("total").asInt() >= 2);
            assertTrue(stats.path("data").path("military").asInt() >= 1);
        }
    }

    @Test
    void badRequestsGetTheDocumentedErrors() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.next(WAIT);
            client.send("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"e1\","
                    + "\"params\":{\"icao\":\"000000\"}}");
            assertEquals("{\"type\":\"error\",\"message\":\"Aircraft not found\",\"request_id\":\"e1\"}",
                    client.nextMatching(f -> f.contains("\"e1\""), WAIT));
            client.send("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"e2\"}");
            assertTrue(client.nextMatching(f -> f.contains("\"e2\""), WAIT).contains("Missing parameter"));
            client.send("{\"action\":\"request\",\"type\":\"horoscope\",\"request_id\":\"e3\"}");
            assertTrue(client.nextMatching(f -> f.contains("\"e3\""), WAIT).contains("Unknown request type"));
        }
    }

    @Test
    void aHeartbeatCarriesTheAircraftCount() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            int count = json(client.next(WAIT)).path("data").path("count").asInt();
            JsonNode heartbeat = json(client.nextMatching(f -> f.contains("aircraft:heartbeat"), WAIT));
            assertTrue(heartbeat.path("data").path("count").asInt() >= count);
            assertTrue(heartbeat.path("data").path("timestamp").asText().endsWith("Z"));
        }
    }

    @Test
    void aTombstoneOnTheStateTopicRemovesTheAircraft() {
        String hex = nextHex();
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            SkySpyAircraftPicture picture = new SkySpyAircraftPicture();
            picture.apply(client.next(WAIT));
            publish(position(hex, "GONE1", 45.5, 6.5, 5000));
            picture.apply(client.nextMatching(f -> f.contains(hex), WAIT));
            assertTrue(picture.aircraft().containsKey(hex));

            RecordHeaders headers = new RecordHeaders();
            KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.AIRCRAFT_POSITION, Instant.now(), hex,
                    "default"), headers);
            producer.send(new ProducerRecord<>(Topics.AIRCRAFT_STATE.name(), null, hex, null, headers));
            producer.flush();

            String removal = client.nextMatching(f -> f.contains("aircraft:remove") && f.contains(hex), WAIT);
            picture.apply(removal);
            assertFalse(picture.aircraft().containsKey(hex));
            assertTrue(removal.contains("\"reason\":\"timeout\""));
        }
    }

    @Test
    void aClientApplyingDeltasToItsSnapshotEndsWithExactlyTheServersState() {
        String hex = nextHex();
        URI deltaUri = URI.create(ws() + "?mode=delta");
        try (WebSocketProbe fullClient = WebSocketProbe.connect(ws());
                WebSocketProbe deltaClient = WebSocketProbe.connect(deltaUri)) {
            SkySpyAircraftPicture full = new SkySpyAircraftPicture();
            SkySpyAircraftPicture delta = new SkySpyAircraftPicture();
            full.apply(fullClient.next(WAIT));
            delta.apply(deltaClient.next(WAIT));

            List<AircraftPosition> history = List.of(
                    position(hex, "DLT1", 44.0, 5.0, 1000),
                    position(hex, "DLT1", 44.01, 5.0, 1200),
                    withoutSquawk(position(hex, "DLT1", 44.02, 5.01, 1400)),
                    position(hex, "DLT2", 44.02, 5.01, 1400),
                    position(hex, "DLT2", 44.03, 5.02, 1600));
            int deltas = 0;
            for (AircraftPosition step : history) {
                publish(step);
                await(fullClient, full, hex, step);
                deltas += await(deltaClient, delta, hex, step);
                assertEquals(step.squawk() != null, delta.aircraft().get(hex).has("squawk"),
                        "a field that disappeared is removed, one that came back is restored");
            }
            assertTrue(deltas >= history.size() - 1, "updates after the first arrive as deltas: " + deltas);

            deltaClient.send("{\"action\":\"request\",\"type\":\"aircraft\",\"request_id\":\"d1\","
                    + "\"params\":{\"icao\":\"" + hex + "\"}}");
            JsonNode server = json(deltaClient.nextMatching(f -> f.contains("\"d1\""), WAIT)).path("data");
            assertEquals(server, full.aircraft().get(hex));
            assertEquals(server, delta.aircraft().get(hex));
        }
    }

    /** Applies frames until the picture shows {@code step}; returns how many were deltas. */
    private static int await(WebSocketProbe client, SkySpyAircraftPicture picture, String hex, AircraftPosition step) {
        int deltas = 0;
        while (picture.aircraft().get(hex) == null
                || picture.aircraft().get(hex).path("alt_baro").asInt() != step.altBaro()
                || !picture.aircraft().get(hex).path("flight").asText().equals(step.flight())) {
            String frame = client.nextMatching(f -> f.contains(hex), WAIT);
            deltas += frame.contains("aircraft:delta") ? 1 : 0;
            picture.apply(frame);
        }
        return deltas;
    }

    private static AircraftPosition withoutSquawk(AircraftPosition p) {
        return new AircraftPosition(p.hex(), p.flight(), p.lat(), p.lon(), p.altBaro(), p.onGround(), p.altGeom(),
                p.groundSpeed(), p.track(), p.baroRate(), p.geomRate(), null, p.emergency(), p.category(),
                p.military(), p.registration(), p.typeCode(), p.rssi(), p.seenPos(), p.stale(), p.timestamp());
    }

    private static AircraftPosition militaryPosition(String hex) {
        return new AircraftPosition(hex, "RCH123", 47.0, 8.0, 25000, false, null, 420.0, 90.0, 0, null, "1234", null,
                "A5", true, "12-3456", "F16", null, 0.5, false, Instant.now());
    }

    private static int countOf(String frame, String hex) {
        return frame.split("\"hex\":\"" + hex + "\"", -1).length - 1;
    }

    private URI ws() {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    }

    private static String nextHex() {
        return Integer.toHexString(NEXT_HEX.getAndIncrement());
    }

    private static AircraftPosition position(String hex, String flight, double lat, double lon, int alt) {
        return new AircraftPosition(hex, flight, lat, lon, alt, false, null, 250.0, 90.0, 0, null, "1000", null,
                "A3", false, null, null, null, 0.5, false, Instant.now());
    }

    private static void publish(AircraftPosition position) {
        try {
            publishAsync(position);
            producer.flush();
        } catch (RuntimeException e) {
            throw new AssertionError(e);
        }
    }

    private static void publishAsync(AircraftPosition position) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", EventTypes.AIRCRAFT_POSITION, position.timestamp(),
                position.hex(), "default"), headers);
        producer.send(new ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(), null, position.hex(),
                Json.encode(position), headers));
    }

    private static JsonNode json(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError(frame, e);
        }
    }
}
