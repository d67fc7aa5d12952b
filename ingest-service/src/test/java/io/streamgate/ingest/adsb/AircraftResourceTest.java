package io.streamgate.ingest.adsb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.SharedData;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.aviation.AircraftPosition;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class AircraftResourceTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Test
    void theReceiversFileBecomesOneRecordPerAircraftWithAPosition() throws Exception {
        byte[] file = Files.readAllBytes(SharedData.file("adsb/dump1090-fa-aircraft.json"));
        Map<String, JsonNode> expected = aircraftWithPosition(file);

        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            given().auth().oauth2(token()).contentType("application/json").body(file)
                    .when().post("/v1/aircraft")
                    .then().statusCode(202)
                    .body("accepted", equalTo(25)).body("without_position", equalTo(19));

            List<ConsumerRecord<String, byte[]>> records = probe.await(expected.size(), KAFKA_WAIT);
            assertEquals(expected.size(), probe.drain(Duration.ofMillis(300)).size(), "exactly one record each");
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode source = expected.get(record.key());
                AircraftPosition position = Json.decode(record.value(), AircraftPosition.class);
                EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());

                assertEquals(source.get("hex").asText(), position.hex());
                assertEquals(source.get("lat").asDouble(), position.lat());
                assertEquals(source.get("lon").asDouble(), position.lon());
                assertEquals(source.has("flight") ? source.get("flight").asText().strip() : null, position.flight());
                assertEquals(EventTypes.AIRCRAFT_POSITION, envelope.type());
                assertEquals(position.hex(), envelope.subject());
                assertEquals("default", envelope.tenant());
                assertEquals(position.timestamp(), envelope.time());
                assertEquals(source.get("seen_pos").asDouble() > 15, position.stale(),
                        "positions older than 15 s are accepted, marked stale: " + position.hex());
            }
        }
    }

    @Test
    void positionTimeIsTheReceiversClockMinusSeenPos() {
        String body = "{\"now\":1785349721.5,\"aircraft\":[{\"hex\":\"3C71A1\",\"flight\":\"BCS361  \","
                + "\"lat\":51.3,\"lon\":-2.0,\"alt_baro\":\"ground\",\"seen_pos\":5.9,\"dbFlags\":1}]}";
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            given().auth().oauth2(token()).contentType("application/json").body(body).post("/v1/aircraft").then().statusCode(202);

            AircraftPosition position = Json.decode(probe.await(1, KAFKA_WAIT).get(0).value(), AircraftPosition.class);
            assertEquals("3c71a1", position.hex(), "hex is normalised to lower case");
            assertEquals("BCS361", position.flight(), "space padding is removed");
            assertEquals(Instant.ofEpochMilli(1_785_349_721_500L - 5_900L), position.timestamp());
            assertEquals(true, position.onGround());
            assertEquals(true, position.military());
        }
    }

    @Test
    void anInvalidDocumentIsRejectedWholeNamingEachBadField() {
        String body = "{\"now\":1785349721.5,\"aircraft\":["
                + "{\"hex\":\"abc123\",\"lat\":51.0,\"lon\":0.1},"
                + "{\"hex\":\"xyz\",\"lat\":95.0,\"lon\":0.1,\"alt_baro\":\"high\"},"
                + "{\"hex\":\"def456\",\"lat\":51.0}]}";
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), Topics.AIRCRAFT_POSITIONS.name())) {
            given().auth().oauth2(token()).contentType("application/json").body(body)
                    .when().post("/v1/aircraft")
                    .then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("status", equalTo(422))
                    .body("errors.pointer", hasItem("/aircraft/1/hex"))
                    .body("errors.pointer", hasItem("/aircraft/1/lat"))
                    .body("errors.pointer", hasItem("/aircraft/1/alt_baro"))
                    .body("errors.pointer", hasItem("/aircraft/2/lon"));

            assertEquals(0, probe.drain(Duration.ofSeconds(1)).size(), "nothing of a rejected batch is written");
        }
    }

    @Test
    void aBodyThatIsNotJsonGetsA400Problem() {
        given().auth().oauth2(token()).contentType("application/json").body("{\"aircraft\": [")
                .when().post("/v1/aircraft")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("the body is not valid JSON"));
    }

    @Test
    void aDocumentWithoutAnAircraftArrayIsRejected() {
        given().auth().oauth2(token()).contentType("application/json").body("{\"now\": 1}")
                .when().post("/v1/aircraft")
                .then().statusCode(422)
                .body("errors.pointer", hasItem("/aircraft"));
    }

    private static Map<String, JsonNode> aircraftWithPosition(byte[] file) throws Exception {
        Map<String, JsonNode> byHex = new HashMap<>();
        for (JsonNode aircraft : Json.mapper().readTree(file).get("aircraft")) {
            if (aircraft.has("lat")) {
                byHex.put(aircraft.get("hex").asText(), aircraft);
            }
        }
        return byHex;
    }

    private static String token() {
        return DevCredentials.tokenFor("default", Role.USER);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
