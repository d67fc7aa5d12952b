package io.streamgate.ingest.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

/** Every batch endpoint: what a valid item becomes on Kafka, and how an invalid one is refused. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class BatchEndpointsTest {

    /** endpoint, topic, valid body, expected key, expected ce_type, a field to compare, invalid body, bad pointers */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/v1/sensors/readings", "sensor.readings",
                        "{\"readings\":[{\"machine_id\":\"press-7\",\"metric_name\":\"temperature\",\"value\":73.2,"
                                + "\"unit\":\"celsius\",\"timestamp\":\"2026-04-04T10:30:05Z\"}]}",
                        "press-7", "io.streamgate.sensor.reading", "value", "73.2",
                        "{\"readings\":[{\"machine_id\":\"press-7\",\"value\":\"hot\",\"timestamp\":\"yesterday\"}]}",
                        List.of("/readings/0/metric_name", "/readings/0/value", "/readings/0/timestamp")),
                Arguments.of("/v1/devices/locations", "device.locations",
                        "[{\"device_id\":\"truck-12\",\"lat\":47.37,\"lon\":8.54,\"timestamp\":1775298605,"
                                + "\"speed\":12.5,\"metadata\":{\"battery\":0.8}}]",
                        "truck-12", "io.streamgate.device.location", "lat", "47.37",
                        "[{\"device_id\":\"truck-12\",\"lat\":91,\"lon\":8.54}]",
                        List.of("/1/lat", "/1/timestamp")),
                Arguments.of("/v1/jobs/events", "jobs.events",
                        "{\"events\":[{\"event\":\"failed\",\"job_id\":\"job-42\",\"queue\":\"emails\",\"status\":"
                                + "\"failed\",\"attempt\":2,\"max_attempts\":3,\"error\":\"SMTP timeout\","
                                + "\"will_retry\":true,\"timestamp\":\"2026-04-04T10:30:05Z\"}]}",
                        "job-42", "io.streamgate.job.failed", "error", "SMTP timeout",
                        "{\"events\":[{\"event\":\"failed\",\"job_id\":\"job-42\",\"queue\":\"emails\",\"status\":"
                                + "\"exploded\",\"timestamp\":\"2026-04-04T10:30:05Z\"}]}",
                        List.of("/events/0/status", "/events/0/error")),
                Arguments.of("/v1/workers/events", "workers.events",
                        "{\"events\":[{\"event\":\"heartbeat\",\"worker_id\":\"w-1\",\"queues\":[\"emails\"],"
                                + "\"active_jobs\":2,\"timestamp\":\"2026-04-04T10:30:05Z\"}]}",
                        "w-1", "io.streamgate.worker.heartbeat", "active_jobs", "2",
                        "{\"events\":[{\"event\":\"napping\",\"worker_id\":\"w-1\",\"queues\":\"emails\"}]}",
                        List.of("/events/0/event", "/events/0/queues", "/events/0/timestamp")),
                Arguments.of("/v1/acars/messages", "acars.messages",
                        "{\"messages\":[{\"timestamp\":\"2024-01-15T10:31:00Z\",\"source\":\"ACARS\",\"channel\":3,"
                                + "\"frequency\":\"131.550\",\"icao_hex\":\"A1B2C3\",\"callsign\":\"UAL123\","
                                + "\"label\":\"SQ\",\"text\":\"REQUEST OCEANIC CLEARANCE\",\"signal_level\":-42.5}]}",
                        "a1b2c3", "io.streamgate.acars.message", "text", "REQUEST OCEANIC CLEARANCE",
                        "{\"messages\":[{\"timestamp\":\"2024-01-15T10:31:00Z\",\"source\":\"HF\",\"label\":\"SQ\"}]}",
                        List.of("/messages/0/source", "/messages/0/icao_hex")),
                Arguments.of("/v1/airspace/advisories", "airspace.advisories",
                        "{\"advisories\":[{\"advisory_id\":\"SIGMET-N1\",\"advisory_type\":\"SIGMET\",\"hazard\":"
                                + "\"TURB\",\"valid_from\":\"2024-01-15T10:00:00Z\",\"valid_to\":"
                                + "\"2024-01-15T14:00:00Z\",\"boundary\":[[40,-100],[41,-100],[41,-99],[40,-100]]}]}",
                        "SIGMET-N1", "io.streamgate.airspace.advisory", "hazard", "TURB",
                        "{\"advisories\":[{\"advisory_id\":\"S\",\"advisory_type\":\"SIGMET\",\"hazard\":\"TURB\","
                                + "\"valid_from\":\"2024-01-15T10:00:00Z\",\"valid_to\":\"2024-01-15T09:00:00Z\","
                                + "\"boundary\":[[40,-100],[41,-100]]}]}",
                        List.of("/advisories/0/valid_to", "/advisories/0/boundary")),
                Arguments.of("/v1/notams", "notams",
                        "{\"notams\":[{\"notam_id\":\"1/2346\",\"type\":\"TFR\",\"location\":\"KSFO\",\"latitude\":"
                                + "37.6213,\"longitude\":-122.379,\"radius_nm\":10,\"floor_ft\":0,\"ceiling_ft\":18000,"
                                + "\"reason\":\"Stadium Event\",\"effective_start\":\"2024-01-15T18:00:00Z\","
                                + "\"effective_end\":\"2024-01-15T23:00:00Z\"}]}",
                        "1/2346", "io.streamgate.notam", "reason", "Stadium Event",
                        "{\"notams\":[{\"notam_id\":\"1/1\",\"type\":\"TFR\",\"effective_start\":\"2024-01-15T18:00:00Z\"}]}",
                        List.of("/notams/0/radius_nm")),
                Arguments.of("/v1/audio/transcriptions", "audio.transcriptions",
                        "{\"transcriptions\":[{\"transmission_id\":\"tx-501\",\"transcript\":\"United four five six "
                                + "heavy, cleared for takeoff\",\"transcript_confidence\":0.95,\"identified_airframes\":"
                                + "[\"UAL456\"],\"transcription_completed_at\":\"2024-01-15T10:30:15Z\"}]}",
                        "tx-501", "io.streamgate.audio.transcription", "transcript_confidence", "0.95",
                        "{\"transcriptions\":[{\"transmission_id\":\"tx-1\",\"transcript_confidence\":1.5}]}",
                        List.of("/transcriptions/0/transcript", "/transcriptions/0/transcript_confidence",
                                "/transcriptions/0/transcription_completed_at")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aValidItemBecomesOneKeyedCloudEventOnItsTopic(String path, String topic, String valid, String key,
            String type, String field, String value, String invalid, List<String> badPointers) throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), topic)) {
            request().body(valid).post(path).then().statusCode(202).body("accepted", equalTo(1));

            ConsumerRecord<String, byte[]> record = probe.await(1, Duration.ofSeconds(30)).get(0);
            EventEnvelope envelope = KafkaBinaryBinding.read(record.headers());
            assertEquals(key, record.key());
            assertEquals(key, envelope.subject());
            assertEquals(type, envelope.type());
            assertEquals("acme", envelope.tenant());
            JsonNode payload = Json.mapper().readTree(record.value());
            assertEquals(value, payload.get(field).asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anInvalidItemRefusesTheBatchNamingEachBadField(String path, String topic, String valid, String key,
            String type, String field, String value, String invalid, List<String> badPointers) {
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), topic)) {
            String batch = valid.startsWith("[") ? "[" + valid.substring(1, valid.length() - 1) + ","
                    + invalid.substring(1) : invalid;
            request().body(batch).post(path).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.pointer", hasItems(badPointers.toArray()));
            assertEquals(0, probe.drain(Duration.ofMillis(500)).size(), "nothing of a refused batch is written");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theOpenApiDocumentDescribesEachEndpoint(String path, String topic, String valid, String key, String type,
            String field, String value, String invalid, List<String> badPointers) {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'" + path + "'.post.responses.'202'.description", equalTo("Every item written"))
                .body("paths.'" + path + "'.post.responses.'422'.description",
                        equalTo("Invalid items; each bad field is named"));
    }

    @Test
    void aBatchOverTheLimitIsRefused() {
        String reading = "{\"machine_id\":\"m\",\"metric_name\":\"t\",\"value\":1,\"timestamp\":\"2026-04-04T10:30:05Z\"}";
        String body = "[" + String.join(",", Collections.nCopies(101, reading)) + "]";
        request().body(body).post("/v1/sensors/readings").then().statusCode(422)
                .body("errors[0].detail", equalTo("must hold 1 to 100 items, not 101"));
    }

    @Test
    void aBodyThatIsNotABatchIsRefused() {
        request().body("{\"reading\":{}}").post("/v1/sensors/readings").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/readings"));
    }

    private static RequestSpecification request() {
        return given().auth().oauth2(DevCredentials.tokenFor("acme", Role.USER)).contentType("application/json");
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
