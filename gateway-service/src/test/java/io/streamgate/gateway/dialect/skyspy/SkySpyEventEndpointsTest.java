package io.streamgate.gateway.dialect.skyspy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.gateway.testing.DevstackProducer;
import io.streamgate.platform.aviation.AcarsMessage;
import io.streamgate.platform.aviation.AirspaceAdvisory;
import io.streamgate.platform.aviation.Notam;
import io.streamgate.platform.event.EventEnvelope;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.event.KafkaBinaryBinding;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.topic.Topics;

/** SkySpy's event endpoints: live delivery, and resume after a disconnect without loss or repetition. */
@QuarkusTest
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class SkySpyEventEndpointsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static KafkaProducer<String, byte[]> producer;

    @TestHTTPResource("/")
    URI root;

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
    void anAcarsMessageArrivesInSkySpysShapeWithAResumableId() {
        String flight = "UAL" + unique();
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/acars/"))) {
            awaitLive(client, "/ws/acars/");
            acars(flight, "REQUEST OCEANIC CLEARANCE", "default");
            JsonNode message = json(client.nextMatching(f -> f.contains(flight), WAIT));

            assertEquals("acars:message", message.path("type").asText());
            assertEquals("REQUEST OCEANIC CLEARANCE", message.path("data").path("text").asText());
            assertEquals("SQ", message.path("data").path("label").asText());
            assertTrue(message.path("data").path("id").isNumber());
            assertFalse(message.path("event_id").asText().isEmpty());
        }
    }

    @Test
    void aTfrIsAnnouncedAsTfrNew() {
        String id = "1/" + unique();
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/notams/"))) {
            awaitLive(client, "/ws/notams/");
            Notam tfr = new Notam(id, "TFR", "KSFO", 37.62, -122.38, 10.0, 0, 18000, "Stadium Event", null,
                    Instant.parse("2024-01-15T18:00:00Z"), Instant.parse("2024-01-15T23:00:00Z"));
            send(Topics.NOTAMS.name(), id, EventTypes.NOTAM, tfr.effectiveStart(), "default", Json.encode(tfr));
            JsonNode message = json(client.nextMatching(f -> f.contains(id), WAIT));
            assertEquals("notams:tfr_new", message.path("type").asText());
            assertEquals(10.0, message.path("data").path("radius_nm").asDouble());
        }
    }

    @Test
    void anotherTenantsEventsNeverArrive() {
        String theirs = "GLX" + unique();
        String ours = "DEF" + unique();
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/acars/"))) {
            awaitLive(client, "/ws/acars/");
            acars(theirs, "SECRET", "globex");
            acars(ours, "HELLO", "default");
            String first = client.nextMatching(f -> f.contains("acars:message"), WAIT);
            assertTrue(first.contains(ours), "the other tenant's event was skipped: " + first);
        }
    }

    @Test
    void aResumeDeliversEveryMissedEventOnceInOrderFromTheBufferThenLive() {
        String flight = "BUF" + unique();
        String lastId;
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/acars/"))) {
            awaitLive(client, "/ws/acars/");
            acars(flight, "m0", "default");
            lastId = json(client.nextMatching(f -> f.contains(flight), WAIT)).path("event_id").asText();
        }
        acars(flight, "m1", "default");
        acars(flight, "m2", "default");
        try (WebSocketProbe resumed = WebSocketProbe.connect(ws("/ws/acars/?last_event_id=" + lastId))) {
            assertEquals(List.of("m1", "m2"), texts(resumed, flight, 2));
            acars(flight, "m3", "default");
            assertEquals(List.of("m3"), texts(resumed, flight, 1));
        }
    }

    @Test
    void aResumeBeyondTheBufferIsReadBackFromKafka() {
        String flight = "KAF" + unique();
        String lastId;
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/acars/"))) {
            awaitLive(client, "/ws/acars/");
            acars(flight, "k0", "default");
            lastId = json(client.nextMatching(f -> f.contains(flight), WAIT)).path("event_id").asText();
        }
        List<String> missed = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            missed.add("k" + i);
            acars(flight, "k" + i, "default");
        }
        try (WebSocketProbe resumed = WebSocketProbe.connect(ws("/ws/acars/?last_event_id=" + lastId))) {
            assertEquals(missed, texts(resumed, flight, missed.size()));
            acars(flight, "live", "default");
            assertEquals(List.of("live"), texts(resumed, flight, 1));
        }
    }

    @Test
    void aGapBeyondRetentionIsAnnouncedThenWhatRemainsIsDelivered() throws Exception {
        String flight = "GAP" + unique();
        String lastId;
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/acars/"))) {
            awaitLive(client, "/ws/acars/");
            acars(flight, "g0", "default");
            lastId = json(client.nextMatching(f -> f.contains(flight), WAIT)).path("event_id").asText();
        }
        for (int i = 1; i <= 10; i++) {
            acars(flight, "g" + i, "default");
        }
        RecordMetadata survivor = acars(flight, "g11", "default");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.deleteRecords(Map.of(new TopicPartition(survivor.topic(), survivor.partition()),
                    RecordsToDelete.beforeOffset(survivor.offset()))).all().get(30, TimeUnit.SECONDS);
        }
        try (WebSocketProbe resumed = WebSocketProbe.connect(ws("/ws/acars/?last_event_id=" + lastId))) {
            String notice = resumed.nextMatching(f -> f.contains("stream:gap") || f.contains(flight), WAIT);
            assertTrue(notice.contains("stream:gap"), "the gap is announced first: " + notice);
            assertEquals(List.of("g11"), texts(resumed, flight, 1));
        }
    }

    @Test
    void theSseFallbackStreamsTheSameEventsAndResumesFromLastEventId() throws Exception {
        String flight = "SSE" + unique();
        HttpClient http = HttpClient.newHttpClient();
        String lastId;
        try (SseReader sse = SseReader.open(http, root.resolve("/sse/acars/"), null)) {
            acars(flight, "s0", "default");
            SseReader.Event event = sse.next(e -> e.data().contains(flight));
            assertEquals("acars:message", event.name());
            assertEquals("s0", json(event.data()).path("data").path("text").asText());
            lastId = event.id();
        }
        acars(flight, "s1", "default");
        try (SseReader sse = SseReader.open(http, root.resolve("/sse/acars/"), lastId)) {
            SseReader.Event event = sse.next(e -> e.data().contains(flight));
            assertEquals("s1", json(event.data()).path("data").path("text").asText());
        }
    }

    @Test
    void aResumeIdThatIsNotTheFeedsIsAnnouncedAsAGapThenTheStreamIsLive() throws Exception {
        String flight = "GAP" + unique();
        HttpClient http = HttpClient.newHttpClient();
        try (SseReader sse = SseReader.open(http, root.resolve("/sse/acars/"), "not-an-id-of-ours")) {
            acars(flight, "after", "default");
            SseReader.Event first = sse.next(e -> e.name() != null);
            assertEquals("stream:gap", first.name(), "the client learns nothing was recovered");
            assertEquals("after", json(sse.next(e -> e.data().contains(flight)).data()).path("data").path("text")
                    .asText());
        }
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/acars/?last_event_id=garbage"))) {
            assertTrue(client.next(WAIT).contains("stream:gap"), "a WebSocket resume with a foreign id too");
        }
    }

    @Test
    void theCombinedFeedCarriesEveryTopicUntilTheClientNarrowsIt() {
        String flight = "ALL" + unique();
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/all/"))) {
            assertEquals("aircraft:snapshot", json(client.next(WAIT)).path("type").asText());
            awaitLive(client, "/ws/all/");
            acars(flight, "a1", "default");
            assertEquals("acars:message", json(client.nextMatching(f -> f.contains(flight), WAIT)).path("type").asText());

            client.send("{\"action\":\"unsubscribe\",\"topics\":[\"acars\"]}");
            JsonNode unsubscribed = json(client.nextMatching(f -> f.contains("unsubscribed"), WAIT));
            assertFalse(unsubscribed.path("topics").toString().contains("acars"));
            assertTrue(unsubscribed.path("topics").toString().contains("aircraft"));

            acars(flight, "a2", "default");
            String marker = "1/" + unique();
            Notam notam = new Notam(marker, "NOTAM", "LSZH", null, null, null, null, null, null, "RWY 14 CLSD",
                    Instant.now(), null);
            send(Topics.NOTAMS.name(), marker, EventTypes.NOTAM, notam.effectiveStart(), "default", Json.encode(notam));
            String next = client.nextMatching(f -> f.contains(flight) || f.contains(marker), WAIT);
            assertTrue(next.contains("notams:new"), "the unsubscribed topic stays silent: " + next);

            client.send("{\"action\":\"subscribe\",\"topics\":[\"acars\"]}");
            client.nextMatching(f -> f.contains("\"subscribed\""), WAIT);
            acars(flight, "a3", "default");
            assertEquals("a3", json(client.nextMatching(f -> f.contains(flight), WAIT)).path("data").path("text")
                    .asText());
        }
    }

    @Test
    void acarsRequestsAreAnsweredFromTheMessagesHeld() {
        String flight = "REQ" + unique();
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/acars/"))) {
            awaitLive(client, "/ws/acars/");
            acars(flight, "first", "default");
            acars(flight, "second", "default");
            acars("OTHER" + unique(), "noise", "default");
            client.nextMatching(f -> f.contains("second"), WAIT);

            client.send("{\"action\":\"request\",\"type\":\"messages\",\"request_id\":\"m1\","
                    + "\"params\":{\"callsign\":\"" + flight + "\",\"limit\":10}}");
            JsonNode messages = json(client.nextMatching(f -> f.contains("\"m1\""), WAIT));
            assertEquals("response", messages.path("type").asText());
            assertEquals("messages", messages.path("request_type").asText());
            assertEquals(2, messages.path("data").size(), messages.toString());
            assertEquals("second", messages.path("data").path(0).path("text").asText(), "newest first");
            assertEquals("first", messages.path("data").path(1).path("text").asText());

            client.send("{\"action\":\"request\",\"type\":\"messages\",\"request_id\":\"m2\","
                    + "\"params\":{\"callsign\":\"" + flight + "\",\"limit\":1}}");
            assertEquals(1, json(client.nextMatching(f -> f.contains("\"m2\""), WAIT)).path("data").size());

            client.send("{\"action\":\"request\",\"type\":\"stats\",\"request_id\":\"m3\"}");
            JsonNode stats = json(client.nextMatching(f -> f.contains("\"m3\""), WAIT));
            assertTrue(stats.path("data").path("total_messages").asInt() >= 3, stats.toString());
            assertTrue(stats.path("data").path("by_label").path("SQ").asInt() >= 3, stats.toString());
        }
    }

    @Test
    void theAirspaceAdvisoriesRequestListsWhatIsStillValid() {
        String live = "SIGMET-" + unique();
        String over = "AIRMET-" + unique();
        Instant now = Instant.now();
        advisory(new AirspaceAdvisory(live, "SIGMET", "TURB", "severe", now.minusSeconds(600), now.plusSeconds(3600),
                10000, 30000, List.of(List.of(47.0, 8.0), List.of(47.5, 8.0), List.of(47.5, 8.5)), "raw", now));
        advisory(new AirspaceAdvisory(over, "AIRMET", "ICE", "moderate", now.minusSeconds(7200),
                now.minusSeconds(60), 0, 12000, List.of(List.of(46.0, 7.0), List.of(46.5, 7.0), List.of(46.5, 7.5)),
                "raw", now));
        try (WebSocketProbe client = WebSocketProbe.connect(ws("/ws/airspace/"))) {
            awaitLive(client, "/ws/airspace/");
            io.streamgate.devstack.Deadline.await("the advisory to be known", WAIT, () -> {
                client.send("{\"action\":\"request\",\"type\":\"advisories\",\"request_id\":\"a1\","
                        + "\"params\":{\"hazard\":\"TURB\"}}");
                return json(client.nextMatching(f -> f.contains("\"a1\""), WAIT)).toString().contains(live);
            });
            client.send("{\"action\":\"request\",\"type\":\"advisories\",\"request_id\":\"a2\"}");
            String all = client.nextMatching(f -> f.contains("\"a2\""), WAIT);
            assertTrue(all.contains(live), all);
            assertFalse(all.contains(over), "an expired advisory is not listed: " + all);
            client.send("{\"action\":\"request\",\"type\":\"metars\",\"request_id\":\"a3\"}");
            assertEquals("error", json(client.nextMatching(f -> f.contains("\"a3\""), WAIT)).path("type").asText());
        }
    }

    private static RecordMetadata advisory(AirspaceAdvisory advisory) {
        return send(Topics.AIRSPACE_ADVISORIES.name(), advisory.advisoryId(), EventTypes.AIRSPACE_ADVISORY,
                advisory.timestamp(), "default", Json.encode(advisory));
    }

    /** Connections subscribe asynchronously; a ping's pong proves this one is live before we publish. */
    private static void awaitLive(WebSocketProbe client, String path) {
        client.send("{\"action\":\"ping\"}");
        client.nextMatching(f -> f.contains("pong"), WAIT);
    }

    private static List<String> texts(WebSocketProbe client, String flight, int count) {
        List<String> texts = new ArrayList<>();
        while (texts.size() < count) {
            texts.add(json(client.nextMatching(f -> f.contains(flight), WAIT)).path("data").path("text").asText());
        }
        return texts;
    }

    private static RecordMetadata acars(String flight, String text, String tenant) {
        AcarsMessage message = new AcarsMessage(Instant.now(), "ACARS", 3, "131.550", null, null, flight, "SQ", "A",
                "001", text, null, -42.5);
        return send(Topics.ACARS_MESSAGES.name(), flight, EventTypes.ACARS_MESSAGE, message.timestamp(), tenant,
                Json.encode(message));
    }

    private static RecordMetadata send(String topic, String key, String type, Instant time, String tenant,
            byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        KafkaBinaryBinding.write(EventEnvelope.of("/test", type, time, key, tenant), headers);
        try {
            return producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private URI ws(String path) {
        return URI.create(root.resolve(path).toString().replaceFirst("^http", "ws"));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static JsonNode json(String frame) {
        try {
            return Json.mapper().readTree(frame);
        } catch (Exception e) {
            throw new AssertionError(frame, e);
        }
    }

    /** A minimal Server-Sent Events client over the JDK's HttpClient. */
    static final class SseReader implements AutoCloseable {

        record Event(String id, String name, String data) {
        }

        private final BufferedReader lines;

        private SseReader(BufferedReader lines) {
            this.lines = lines;
        }

        static SseReader open(HttpClient http, URI uri, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.io.InputStream> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            return new SseReader(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
        }

        /** Reads events until one matches; the HTTP client's own timeout bounds a silent stream. */
        Event next(java.util.function.Predicate<Event> wanted) throws Exception {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        Event event = new Event(id, name, data.toString());
                        if (wanted.test(event)) {
                            return event;
                        }
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            throw new AssertionError("the stream ended");
        }

        @Override
        public void close() throws Exception {
            lines.close();
        }
    }
}
