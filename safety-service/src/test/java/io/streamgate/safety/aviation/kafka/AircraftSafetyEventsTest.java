package io.streamgate.safety.aviation.kafka;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.Deadline;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;
import io.streamgate.safety.aviation.Fix;

/**
 * Positions go into the real {@code aircraft.positions} with the CloudEvents headers ingest writes; the
 * safety events are read back from the real {@code safety.events}.
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class AircraftSafetyEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger NEXT_HEX = new AtomicInteger(0x5a0000);
    private static KafkaProducer<String, byte[]> producer;
    private static String bootstrapServers;

    @BeforeAll
    static void producer() {
        bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void a7700SquawkIsPublishedOnceAndEndsWhenTheSquawkEnds() {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.SAFETY_EVENTS.name())) {
            String hex = nextHex();
            Fix squawking = Fix.of(hex).flight("EMG7700").at(47.5, 8.5).altitude(9000).squawk("7700")
                    .emergency("general").time(Instant.now());
            publish("default", squawking, squawking.after(1), squawking.after(2));

            ConsumerRecord<String, byte[]> raised = await(probe, hex, 1).get(0);
            JsonNode event = json(raised);
            assertEquals("emergency_squawk", event.get("event_type").asText());
            assertEquals("critical", event.get("severity").asText());
            assertEquals(hex, event.get("icao_hex").asText());
            assertEquals("EMG7700", event.get("callsign").asText());
            assertEquals("Emergency squawk 7700 detected", event.get("message").asText());
            assertEquals("7700", event.at("/details/squawk").asText());
            assertEquals(9000, event.at("/details/altitude").asInt());
            assertEquals(47.5, event.at("/details/position/lat").asDouble());
            assertTrue(event.get("active").asBoolean());
            assertFalse(event.get("acknowledged").asBoolean());
            assertTrue(event.get("id").isIntegralNumber());
            assertEquals(event.get("id").asText(), raised.key(), "keyed by the event id");
            EventEnvelope envelope = KafkaBinaryBinding.read(raised.headers());
            assertEquals(EventTypes.SAFETY_EVENT, envelope.type());
            assertEquals("default", envelope.tenant());
            assertEquals(SafetyEventWriter.SOURCE, envelope.source());
            assertEquals(squawking.time(), envelope.time());

            publish("default", squawking.after(3).squawk("1000").emergency("none"),
                    squawking.after(4).squawk("1000").emergency("none"));
            List<ConsumerRecord<String, byte[]>> both = await(probe, hex, 2);
            JsonNode ended = json(both.get(1));
            assertEquals(event.get("id").asLong(), ended.get("id").asLong());
            assertFalse(ended.get("active").asBoolean());
            assertEquals("ended", ended.at("/details/end_reason").asText());
            assertEquals(raised.key(), both.get(1).key());
            assertEquals(2, probe.drain(Duration.ofMillis(500)).stream().filter(r -> mentions(r, hex)).count(),
                    "five positions, one episode: two records");
        }
    }

    @Test
    void aConvergingPairRaisesResolutionAndTrafficAdvisoriesThatEndOnceTheyPass() {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.SAFETY_EVENTS.name())) {
            String west = nextHex();
            String east = nextHex();
            Instant start = Instant.now();
            Fix a = Fix.of(west).flight("WEST1").at(45.5, 6.5).altitude(15000).track(90).speed(300.0).time(start);
            Fix b = Fix.of(east).flight("EAST2").from(45.5, 6.5, 90, 3).altitude(15000).track(270).speed(300.0)
                    .time(start);
            for (int i = 0; i < 3; i++) {
                publish("default", a.after(i), b.after(i));
            }

            List<ConsumerRecord<String, byte[]>> raised = await(probe, west, 3);
            Map<String, JsonNode> byType = new HashMap<>();
            raised.forEach(r -> byType.put(json(r).get("event_type").asText(), json(r)));
            assertEquals(Set.of("TCAS_RA", "TCAS_TA", "proximity_conflict"), byType.keySet());
            JsonNode ra = byType.get("TCAS_RA");
            assertEquals("high", ra.get("severity").asText());
            assertEquals("medium", byType.get("TCAS_TA").get("severity").asText());
            assertEquals(west, ra.get("icao_hex").asText(), "both aircraft, the lower hex first");
            assertEquals(east, ra.get("icao_hex_2").asText());
            assertEquals("WEST1", ra.get("callsign").asText());
            assertEquals("EAST2", ra.get("callsign_2").asText());
            assertTrue(ra.at("/details/tau_s").asDouble() <= 30, ra.toString());
            assertTrue(ra.at("/details/distance_nm").asDouble() < 3, ra.toString());
            assertTrue(ra.get("message").asText().startsWith("TCAS Resolution Advisory - "));

            // 8 to 11 s after they crossed: 1.3 nm apart and moving apart.
            for (int i = 26; i < 30; i++) {
                publish("default", a.after(i), b.after(i));
            }
            List<ConsumerRecord<String, byte[]>> all = await(probe, west, 6);
            JsonNode raEnd = all.stream().map(AircraftSafetyEventsTest::json)
                    .filter(e -> e.get("id").asLong() == ra.get("id").asLong() && !e.get("active").asBoolean())
                    .findFirst().orElseThrow(() -> new AssertionError("the RA ends: " + all));
            assertEquals("separated", raEnd.at("/details/end_reason").asText());
        }
    }

    @Test
    void falseAlarmSourcesRaiseNothing() {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.SAFETY_EVENTS.name())) {
            Instant start = Instant.now();
            // One degree (60 nm) between the cases, beyond the detectors' reach of each other.
            List<Fix[]> pairs = List.of(
                    // diverging, 3 nm apart at the same level
                    pair(44.0, 15000, 270, 300.0, 90, 300.0, 3, start),
                    // formation: 0.3 nm abeam, same track, 20 kt apart
                    pair(43.0, 15000, 0, 300.0, 0, 320.0, 0.3, start),
                    // slow targets converging at low level
                    pair(42.0, 1500, 90, 35.0, 270, 35.0, 0.3, start),
                    // converging head-on, but both fixes stale
                    stale(pair(41.0, 15000, 90, 300.0, 270, 300.0, 3, start)),
                    // converging on the ground
                    onGround(pair(40.0, 0, 90, 60.0, 270, 60.0, 0.3, start)));
            Fix real = Fix.of(nextHex()).at(39.0, 6.5).altitude(15000).track(90).speed(300.0).time(start);
            Fix ghost = Fix.of("~" + real.hexValue()).from(39.0, 6.5, 0, 0.03).altitude(15050).track(100)
                    .speed(250.0).time(start.plusMillis(200));
            Fix otherTenant = Fix.of(nextHex()).from(38.0, 6.5, 90, 3).altitude(15000).track(270).time(start);
            Fix thisTenant = Fix.of(nextHex()).at(38.0, 6.5).altitude(15000).track(90).time(start);
            for (int i = 0; i < 4; i++) {
                for (Fix[] p : pairs) {
                    publish("default", p[0].after(i), p[1].after(i));
                }
                publish("default", real.after(i), ghost.after(i));
                publish("acme", otherTenant.after(i));
                publish("default", thisTenant.after(i));
            }
            // Same partition as everything above: once its event is out, the cases above were processed.
            String sentinel = nextHex();
            publish("default", Fix.of(sentinel).at(37.0, 6.5).squawk("7700").time(start.plusSeconds(4)));
            await(probe, sentinel, 1);

            List<ConsumerRecord<String, byte[]>> seen = probe.drain(Duration.ofSeconds(1));
            for (Fix[] p : pairs) {
                assertNone(seen, p[0].hexValue());
                assertNone(seen, p[1].hexValue());
            }
            assertNone(seen, real.hexValue());
            assertNone(seen, otherTenant.hexValue());
            assertNone(seen, thisTenant.hexValue());
        }
    }

    @Test
    void eventsCarryTheTenantOfTheirPositions() {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.SAFETY_EVENTS.name())) {
            String hex = nextHex();
            publish("acme", Fix.of(hex).at(36.0, 6.5).squawk("7500").time(Instant.now()));
            ConsumerRecord<String, byte[]> record = await(probe, hex, 1).get(0);
            assertEquals("acme", KafkaBinaryBinding.read(record.headers()).tenant());
            assertEquals("critical", json(record).get("severity").asText());
        }
    }

    @Test
    void operatorsSeePositionsEventsAndUnreadableRecordsInTheMetrics() {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.SAFETY_EVENTS.name())) {
            producer.send(new ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(), 0, "garbage",
                    "not json".getBytes(StandardCharsets.UTF_8)));
            String hex = nextHex();
            publish("default", Fix.of(hex).at(35.0, 6.5).squawk("7600").time(Instant.now()));
            await(probe, hex, 1);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(counter(metrics, "streamgate_safety_events_raised_total",
                "severity=\"high\",type=\"emergency_squawk\"") >= 1, "events raised by type and severity");
        assertTrue(counter(metrics, "streamgate_safety_positions_total", "outcome=\"processed\"") >= 1);
        assertTrue(counter(metrics, "streamgate_safety_positions_total", "outcome=\"malformed\"") >= 1,
                "the unreadable record was counted and skipped");
        assertTrue(metrics.contains("streamgate_safety_processing_seconds_count"), "processing latency timer");
    }

    private static Fix[] pair(double lat, int altitude, double trackA, Double speedA, double trackB, Double speedB,
            double apart, Instant start) {
        Fix a = Fix.of(nextHex()).at(lat, 6.5).altitude(altitude).track(trackA).speed(speedA).time(start);
        Fix b = Fix.of(nextHex()).from(lat, 6.5, 90, apart).altitude(altitude).track(trackB).speed(speedB)
                .time(start);
        return new Fix[] {a, b};
    }

    private static Fix[] stale(Fix[] pair) {
        return new Fix[] {pair[0].stale(true), pair[1].stale(true)};
    }

    private static Fix[] onGround(Fix[] pair) {
        return new Fix[] {pair[0].onGround(), pair[1].onGround()};
    }

    private static void assertNone(List<ConsumerRecord<String, byte[]>> seen, String hex) {
        List<String> events = seen.stream().filter(r -> mentions(r, hex)).map(r -> json(r).toString()).toList();
        assertTrue(events.isEmpty(), hex + " raised " + events);
    }

    /** Waits until {@code count} events name the aircraft, and returns them in arrival order. */
    private static List<ConsumerRecord<String, byte[]>> await(TopicProbe probe, String hex, int count) {
        AtomicReference<List<ConsumerRecord<String, byte[]>>> found = new AtomicReference<>(List.of());
        Deadline.await(count + " safety event(s) for " + hex, WAIT, () -> {
            found.set(probe.drain(Duration.ofMillis(100)).stream().filter(r -> mentions(r, hex)).toList());
            return found.get().size() >= count;
        });
        return found.get();
    }

    private static boolean mentions(ConsumerRecord<String, byte[]> record, String hex) {
        JsonNode event = json(record);
        return hex.equals(event.path("icao_hex").asText()) || hex.equals(event.path("icao_hex_2").asText());
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return Json.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double counter(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    /** Writes positions as ingest does, all to partition 0 so that they are processed in this order. */
    private static void publish(String tenant, Fix... fixes) {
        for (Fix fix : fixes) {
            EventEnvelope envelope = EventEnvelope.of("/ingest/test", EventTypes.AIRCRAFT_POSITION, fix.time(),
                    fix.hexValue(), tenant);
            RecordHeaders headers = new RecordHeaders();
            KafkaBinaryBinding.write(envelope, headers);
            producer.send(new ProducerRecord<>(Topics.AIRCRAFT_POSITIONS.name(), 0, fix.hexValue(),
                    Json.encode(fix.position()), headers));
        }
        producer.flush();
    }

    private static String nextHex() {
        return Integer.toHexString(NEXT_HEX.getAndIncrement());
    }
}
