package io.streamgate.ingest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.TopicProbe;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.json.Json;

/**
 * The fuzzed bodies of {@link FuzzedJson} through the real service, Kafka and Redis: every answer is a 2xx
 * or a problem document with a 4xx status (never a 500 or a hang), a valid body right after is still
 * accepted, and exactly what was accepted reaches Kafka — the record accepted before the fuzzing, every
 * fuzzed body that happened to be valid, the record after — and nothing of a refused body.
 *
 * <p>The inputs come from jqwik's generators in a session with a fixed seed, so a run is repeatable;
 * {@code -Dstreamgate.fuzz.http-tries=N} sends more per endpoint (docs/fuzzing.md).
 */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class IngestBodiesFuzzTest {

    private static final int TRIES = Integer.getInteger("streamgate.fuzz.http-tries", 40);
    private static final Set<Integer> REFUSALS = Set.of(400, 413, 415, 422);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URI root;

    /** endpoint, its topic, a valid body */
    static Stream<Arguments> feeds() {
        return Stream.of(
                Arguments.of("/v1/aircraft", "aircraft.positions",
                        "{\"now\":1785349721.5,\"aircraft\":[{\"hex\":\"c0ffee\",\"flight\":\"UAL123\","
                                + "\"alt_baro\":35000,\"gs\":450.5,\"track\":270.1,\"squawk\":\"1200\",\"lat\":47.1,"
                                + "\"lon\":8.2,\"seen_pos\":0.5},{\"hex\":\"a1b2c3\",\"seen\":3}]}"),
                Arguments.of("/v1/sensors/readings", "sensor.readings",
                        "{\"readings\":[{\"machine_id\":\"press-7\",\"metric_name\":\"temperature\",\"value\":73.2,"
                                + "\"unit\":\"celsius\",\"timestamp\":\"2026-04-04T10:30:05Z\"}]}"),
                Arguments.of("/v1/devices/locations", "device.locations",
                        "[{\"device_id\":\"truck-12\",\"lat\":47.37,\"lon\":8.54,\"timestamp\":1775298605,"
                                + "\"speed\":12.5,\"metadata\":{\"battery\":0.8}}]"),
                Arguments.of("/v1/jobs/events", "jobs.events",
                        "{\"events\":[{\"event\":\"failed\",\"job_id\":\"job-42\",\"queue\":\"emails\",\"status\":"
                                + "\"failed\",\"attempt\":2,\"max_attempts\":3,\"error\":\"SMTP timeout\","
                                + "\"will_retry\":true,\"result\":{\"a\":1},\"timestamp\":\"2026-04-04T10:30:05Z\"}]}"),
                Arguments.of("/v1/workers/events", "workers.events",
                        "{\"events\":[{\"event\":\"heartbeat\",\"worker_id\":\"w-1\",\"queues\":[\"emails\"],"
                                + "\"active_jobs\":2,\"timestamp\":\"2026-04-04T10:30:05Z\"}]}"),
                Arguments.of("/v1/acars/messages", "acars.messages",
                        "{\"messages\":[{\"timestamp\":\"2024-01-15T10:31:00Z\",\"source\":\"ACARS\",\"channel\":3,"
                                + "\"frequency\":\"131.550\",\"icao_hex\":\"A1B2C3\",\"callsign\":\"UAL123\","
                                + "\"label\":\"SQ\",\"text\":\"REQUEST OCEANIC CLEARANCE\",\"signal_level\":-42.5}]}"),
                Arguments.of("/v1/airspace/advisories", "airspace.advisories",
                        "{\"advisories\":[{\"advisory_id\":\"SIGMET-N1\",\"advisory_type\":\"SIGMET\",\"hazard\":"
                                + "\"TURB\",\"valid_from\":\"2024-01-15T10:00:00Z\",\"valid_to\":"
                                + "\"2024-01-15T14:00:00Z\",\"boundary\":[[40,-100],[41,-100],[41,-99],[40,-100]]}]}"),
                Arguments.of("/v1/notams", "notams",
                        "{\"notams\":[{\"notam_id\":\"1/2346\",\"type\":\"TFR\",\"location\":\"KSFO\",\"latitude\":"
                                + "37.6213,\"longitude\":-122.379,\"radius_nm\":10,\"floor_ft\":0,\"ceiling_ft\":18000,"
                                + "\"reason\":\"Stadium Event\",\"effective_start\":\"2024-01-15T18:00:00Z\","
                                + "\"effective_end\":\"2024-01-15T23:00:00Z\"}]}"),
                Arguments.of("/v1/audio/transcriptions", "audio.transcriptions",
                        "{\"transcriptions\":[{\"transmission_id\":\"tx-501\",\"transcript\":\"United four five six "
                                + "heavy, cleared for takeoff\",\"transcript_confidence\":0.95,\"identified_airframes\":"
                                + "[\"UAL456\"],\"transcription_completed_at\":\"2024-01-15T10:30:15Z\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void aFeedRefusesEveryBadBodyClearlyAndLosesNothingItAccepted(String path, String topic, String valid)
            throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrapServers(), topic)) {
            int expected = accepted(post(path, valid.getBytes(StandardCharsets.UTF_8), null), "the first valid body");
            int tried = 0;
            for (byte[] body : sample(path, FuzzedJson.around(valid))) {
                HttpResponse<String> answer = post(path, body, null);
                if (answer.statusCode() == 202) {
                    expected += accepted(answer, FuzzedJson.describe(body));
                } else {
                    assertProblem(answer, body);
                }
                tried++;
            }
            expected += accepted(post(path, valid.getBytes(StandardCharsets.UTF_8), null), "the valid body after");
            List<ConsumerRecord<String, byte[]>> records = probe.await(expected, Duration.ofSeconds(60));
            assertEquals(expected, probe.drain(Duration.ofMillis(500)).size(),
                    "exactly the accepted records of " + tried + " fuzzed bodies and two valid ones: " + records.size());
            System.out.printf("fuzz %s: %d inputs, %d records accepted%n", path, tried, expected);
        }
    }

    /** NGSI v2 bodies: refused with an NGSI error document, and what was stored before is still there. */
    @Test
    void theEntityApiRefusesEveryBadBodyClearlyAndKeepsWhatItStored() throws Exception {
        String servicePath = "/fuzz" + System.nanoTime();
        String entity = "{\"id\":\"Room1\",\"type\":\"Room\",\"temperature\":{\"value\":23.5,\"type\":\"Number\"},"
                + "\"open\":{\"value\":true},\"name\":{\"value\":\"Lab\"},\"tags\":{\"value\":[\"a\",\"b\"]}}";
        String attributes = "{\"temperature\":{\"value\":24,\"type\":\"Number\"},\"note\":{\"value\":null}}";
        String batch = "{\"actionType\":\"append\",\"entities\":[{\"id\":\"Room2\",\"pressure\":{\"value\":720}}]}";
        String kept = "{\"id\":\"Kept\",\"type\":\"Room\",\"temperature\":{\"value\":1}}";
        assertEquals(201, post("/v2/entities", kept.getBytes(StandardCharsets.UTF_8), servicePath).statusCode());

        int tried = 0;
        for (String[] endpoint : new String[][] {{"/v2/entities", entity}, {"/v2/entities/Kept/attrs", attributes},
                {"/v2/op/update", batch}}) {
            for (byte[] body : sample(endpoint[0], FuzzedJson.around(endpoint[1]))) {
                HttpResponse<String> answer = post(endpoint[0], body, servicePath);
                if (answer.statusCode() >= 300) {
                    assertTrue(REFUSALS.contains(answer.statusCode()), answer.statusCode() + " for "
                            + FuzzedJson.describe(body) + ": " + answer.body());
                    JsonNode error = Json.mapper().readTree(answer.body());
                    assertTrue(error.hasNonNull("error") && error.hasNonNull("description"), answer.body());
                }
                tried++;
            }
        }
        HttpResponse<String> stored = send(HttpRequest.newBuilder(root.resolve("/v2/entities/Kept"))
                .header("Fiware-ServicePath", servicePath).GET());
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals("Kept", Json.mapper().readTree(stored.body()).path("id").asText());
        String after = "{\"id\":\"After\",\"temperature\":{\"value\":2}}";
        assertEquals(201, post("/v2/entities", after.getBytes(StandardCharsets.UTF_8), servicePath).statusCode());
        System.out.printf("fuzz /v2 entities: %d inputs%n", tried);
    }

    /** Headers, query parameters and ids of the entity API: a page, or an NGSI error (never a 500). */
    @Test
    void theEntityApiRefusesBadHeadersQueriesAndIdsClearly() throws Exception {
        Arbitrary<String> odd = net.jqwik.api.Arbitraries.oneOf(FuzzedJson.oddValues().map(v -> v.replace("\"", "")),
                net.jqwik.api.Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300),
                net.jqwik.api.Arbitraries.strings().ofMaxLength(20));
        Arbitrary<List<String>> requests = odd.list().ofSize(7);
        List<List<String>> sampled = new java.util.ArrayList<>();
        JqwikSession.run("2141", () -> requests.sampleStream().limit(TRIES * 2L).forEach(sampled::add));
        int tried = 0;
        for (List<String> values : sampled) {
            String query = "?limit=" + encode(values.get(0)) + "&offset=" + encode(values.get(1)) + "&type="
                    + encode(values.get(2)) + "&options=" + encode(values.get(3));
            for (String path : new String[] {"/v2/entities" + query, "/v2/entities/" + encode(values.get(6))
                    + "?type=" + encode(values.get(2))}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path))
                        .GET();
                header(request, "Fiware-Service", values.get(4));
                header(request, "Fiware-ServicePath", values.get(5));
                HttpResponse<String> answer = send(request);
                if (answer.statusCode() != 200) {
                    assertTrue(Set.of(400, 403, 404).contains(answer.statusCode()),
                            answer.statusCode() + " for " + path + " " + values + ": " + answer.body());
                    JsonNode error = Json.mapper().readTree(answer.body());
                    assertTrue(error.hasNonNull("error") && error.hasNonNull("description"), answer.body());
                }
                tried++;
            }
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(root.resolve("/v2/entities?limit=1")).GET());
        assertEquals(200, page.statusCode(), page.body());
        System.out.printf("fuzz /v2 entities headers and queries: %d inputs%n", tried);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** HTTP/1.1 header values are visible ASCII; anything else the client itself refuses to send. */
    private static void header(HttpRequest.Builder request, String name, String value) {
        String visible = value.chars().filter(c -> c >= ' ' && c <= '~').collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (!visible.isEmpty()) {
            request.header(name, visible);
        }
    }

    private List<byte[]> sample(String endpoint, Arbitrary<byte[]> bodies) {
        List<byte[]> sampled = new java.util.ArrayList<>();
        // One seed per endpoint: adding an endpoint does not change the inputs the others get.
        JqwikSession.run(String.valueOf(2100 + Math.floorMod(endpoint.hashCode(), 1000)),
                () -> bodies.sampleStream().limit(TRIES).forEach(sampled::add));
        return sampled;
    }

    private static void assertProblem(HttpResponse<String> answer, byte[] body) throws Exception {
        String input = FuzzedJson.describe(body);
        assertTrue(REFUSALS.contains(answer.statusCode()), answer.statusCode() + " for " + input + ": " + answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), input);
        JsonNode problem = Json.mapper().readTree(answer.body());
        assertEquals(answer.statusCode(), problem.path("status").asInt(), answer.body());
        assertTrue(!problem.path("detail").asText().isBlank(), answer.body());
    }

    private static int accepted(HttpResponse<String> answer, String what) throws Exception {
        assertEquals(202, answer.statusCode(), what + ": " + answer.body());
        return Json.mapper().readTree(answer.body()).path("accepted").asInt();
    }

    private HttpResponse<String> post(String path, byte[] body, String servicePath) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (servicePath != null) {
            request.header("Fiware-ServicePath", servicePath);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.header("Authorization", "Bearer " + DevCredentials.tokenFor("acme", Role.USER))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
