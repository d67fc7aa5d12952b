package io.streamgate.gateway.dialect.haltless;

import static io.streamgate.gateway.testing.JsonMessages.json;
import static io.streamgate.gateway.testing.JsonMessages.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.streamgate.devstack.DevCredentials;
import io.streamgate.devstack.DevstackTestResource;
import io.streamgate.devstack.testing.EventWriter;
import io.streamgate.devstack.testing.SseProbe;
import io.streamgate.devstack.testing.WebSocketProbe;
import io.streamgate.platform.event.EventTypes;
import io.streamgate.platform.identity.Identity;
import io.streamgate.platform.identity.IssuedTokens;
import io.streamgate.platform.identity.Role;
import io.streamgate.platform.identity.TokenIssuer;
import io.streamgate.platform.json.Json;
import io.streamgate.platform.sensors.MachineStatus;
import io.streamgate.platform.sensors.SensorAlert;
import io.streamgate.platform.sensors.SensorReading;
import io.streamgate.platform.topic.Topics;

/**
 * Haltless's dashboard as its own clients use it: the token as the first message, each close code of its
 * guide, every message shape field for field, its tenant only, the current machine statuses first, the
 * SSE fallback resuming exactly, and the refresh the guide's client calls on 4001.
 */
@QuarkusTest
@TestProfile(HaltlessDialectTest.ShortWindows.class)
@WithTestResource(value = DevstackTestResource.class, scope = TestResourceScope.GLOBAL)
class HaltlessDialectTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> SENSOR_UPDATE = Set.of("type", "machine_id", "metric_name", "value", "unit",
            "timestamp");
    private static final Set<String> ALERT = Set.of("type", "alert_id", "machine_id", "severity", "message",
            "metric_value", "threshold_value", "created_at");
    private static final Set<String> MACHINE_STATUS = Set.of("type", "machine_id", "old_status", "new_status",
            "timestamp");

    public static class ShortWindows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("streamgate.haltless.heartbeat-interval", "1s",
                    "streamgate.gateway.websocket.first-message-auth.timeout", "2s",
                    "streamgate.gateway.websocket.first-message-auth.max-pending-per-address", "2");
        }
    }

    @TestHTTPResource(HaltlessDialect.WEBSOCKET_PATH)
    URI webSocket;

    @TestHTTPResource(HaltlessDialect.SSE_PATH)
    URI sse;

    @TestHTTPResource("/api/v1/auth/refresh")
    URI refresh;

    @Inject
    TokenIssuer issuer;

    private static EventWriter writer;

    @BeforeAll
    static void writer() {
        writer = new EventWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void closeWriter() {
        writer.close();
    }

    @Test
    void aDashboardGetsEveryMessageShapeOfItsTenantFieldForField() {
        String tenant = tenant();
        try (WebSocketProbe client = authenticated(tenant)) {
            Instant at = Instant.parse("2026-04-04T10:30:05Z");
            reading(tenant, new SensorReading("m-1", "temperature", 73.2, "celsius", at));
            JsonNode update = json(client.nextMatching(f -> f.contains("\"sensor_update\""), WAIT));
            assertEquals(SENSOR_UPDATE, fields(update));
            assertEquals("m-1", update.get("machine_id").asText());
            assertEquals("temperature", update.get("metric_name").asText());
            assertEquals(73.2, update.get("value").asDouble());
            assertEquals("celsius", update.get("unit").asText());
            assertEquals("2026-04-04T10:30:05Z", update.get("timestamp").asText());

            alert(tenant, new SensorAlert("al-1", "rule-1", "m-1", "temperature", "critical",
                    "Temperature exceeded threshold", 87.3, 85.0, at));
            JsonNode alert = json(client.nextMatching(f -> f.contains("\"alert\""), WAIT));
            assertEquals(ALERT, fields(alert), "exactly the guide's fields: no rule id, no metric name");
            assertEquals("al-1", alert.get("alert_id").asText());
            assertEquals("critical", alert.get("severity").asText());
            assertEquals("Temperature exceeded threshold", alert.get("message").asText());
            assertEquals(87.3, alert.get("metric_value").asDouble());
            assertEquals(85.0, alert.get("threshold_value").asDouble());
            assertEquals("2026-04-04T10:30:05Z", alert.get("created_at").asText());

            status(tenant, new MachineStatus("m-1", "healthy", "warning", at, "temperature above 85.0"));
            JsonNode status = json(client.nextMatching(f -> f.contains("\"machine_status\""), WAIT));
            assertEquals(MACHINE_STATUS, fields(status));
            assertEquals("healthy", status.get("old_status").asText());
            assertEquals("warning", status.get("new_status").asText());
            assertEquals("2026-04-04T10:30:05Z", status.get("timestamp").asText());

            JsonNode heartbeat = json(client.nextMatching(f -> f.contains("\"heartbeat\""), WAIT));
            assertEquals(Set.of("type", "server_time"), fields(heartbeat));
            assertTrue(heartbeat.get("server_time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                    heartbeat.get("server_time").asText());
        }
    }

    @Test
    void aNewDashboardStartsFromTheCurrentStatusOfEachMachine() {
        String tenant = tenant();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        status(tenant, new MachineStatus("press-1", null, "healthy", at.minusSeconds(60), "first reading"));
        status(tenant, new MachineStatus("press-1", "healthy", "critical", at, "pressure above 9.0"));
        status(tenant, new MachineStatus("lathe-1", null, "healthy", at, "first reading"));
        try (WebSocketProbe first = authenticated(tenant)) {
            // Whether it came live or in the snapshot, the gateway has the last transition once a client saw it.
            first.nextMatching(f -> f.contains("lathe-1"), WAIT);
        }
        try (WebSocketProbe client = authenticated(tenant)) {
            Map<String, JsonNode> seen = new java.util.HashMap<>();
            while (seen.size() < 2) {
                JsonNode status = json(client.nextMatching(f -> f.contains("\"machine_status\""), WAIT));
                seen.put(status.get("machine_id").asText(), status);
            }
            assertEquals("critical", seen.get("press-1").get("new_status").asText(),
                    "the latest transition of each machine, not its history");
            assertEquals("healthy", seen.get("press-1").get("old_status").asText());
            assertTrue(seen.get("lathe-1").get("old_status").isNull(), "a first sighting has old_status null");
        }
    }

    @Test
    void anotherTenantSeesNothingOfTheseMachines() {
        String acme = tenant();
        String globex = tenant();
        try (WebSocketProbe acmeClient = authenticated(acme); WebSocketProbe globexClient = authenticated(globex)) {
            Instant now = Instant.now();
            reading(acme, new SensorReading("acme-m", "rpm", 1200, "rpm", now));
            alert(acme, new SensorAlert("acme-al", "r", "acme-m", "rpm", "warning", "rpm high", 1200, 1000, now));
            status(acme, new MachineStatus("acme-m", "healthy", "warning", now, "rpm"));
            reading(globex, new SensorReading("globex-marker", "rpm", 1, "rpm", now));
            acmeClient.nextMatching(f -> f.contains("machine_status") && f.contains("acme-m"), WAIT);
            List<String> globexFrames = new ArrayList<>();
            globexClient.nextMatching(f -> {
                globexFrames.add(f);
                return f.contains("globex-marker");
            }, WAIT);
            globexFrames.addAll(globexClient.pollFor(Duration.ofMillis(500)));
            assertFalse(globexFrames.stream().anyMatch(f -> f.contains("acme-")), String.join("\n", globexFrames));
        }
    }

    @Test
    void nothingButATokenOpensTheDashboardAndEachRefusalHasItsCode() {
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            assertEquals(4002, client.awaitClose(WAIT), "no token within the auth timeout");
        }
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send("not-a-jwt");
            assertEquals(4001, client.awaitClose(WAIT));
        }
        JwtClaims expired = DevCredentials.claims("acme", "bob", Set.of(Role.USER), Duration.ofMinutes(5));
        expired.setExpirationTime(NumericDate.fromSeconds(Instant.now().minusSeconds(120).getEpochSecond()));
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send(DevCredentials.signWithDevKey(expired));
            assertEquals(4001, client.awaitClose(WAIT), "an expired token: the guide's client refreshes");
        }
    }

    @Test
    void aConnectionBeyondThePendingLimitOfOneAddressIsClosedWith4003AtOnce() {
        try (WebSocketProbe a = WebSocketProbe.connect(ws()); WebSocketProbe b = WebSocketProbe.connect(ws());
                WebSocketProbe third = WebSocketProbe.connect(ws())) {
            assertEquals(4003, third.awaitClose(Duration.ofSeconds(1)),
                    "closed before the 2 s auth timeout could close it with 4002");
            assertEquals(4002, a.awaitClose(WAIT));
            assertEquals(4002, b.awaitClose(WAIT));
        }
    }

    @Test
    void aTokenThatExpiresWhileConnectedClosesWith4001() {
        String token = DevCredentials.signWithDevKey(
                DevCredentials.claims(tenant(), "shift-lead", Set.of(Role.USER), Duration.ofSeconds(3)));
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send(token);
            client.nextMatching(f -> f.contains("\"heartbeat\""), WAIT);
            assertEquals(4001, client.awaitClose(WAIT));
        }
    }

    @Test
    void theRefreshTheGuidesClientCallsOn4001HandsOutAWorkingTokenOnce() throws Exception {
        String tenant = tenant();
        IssuedTokens login = issuer.issue(new Identity(tenant, "operator", Set.of(Role.USER), false))
                .toCompletableFuture().join();
        HttpResponse<String> refreshed = post("{\"refresh_token\":\"" + login.refreshToken() + "\"}");
        assertEquals(200, refreshed.statusCode());
        JsonNode grant = json(refreshed.body());
        assertEquals("Bearer", grant.get("token_type").asText());
        assertTrue(grant.get("expires_in").asLong() > 800, grant.toString());
        try (WebSocketProbe client = WebSocketProbe.connect(ws())) {
            client.send(grant.get("access_token").asText());
            client.nextMatching(f -> f.contains("\"heartbeat\""), WAIT);
        }

        HttpResponse<String> reused = post("{\"refresh_token\":\"" + login.refreshToken() + "\"}");
        assertEquals(401, reused.statusCode(), "a refresh token works once");
        assertEquals("application/problem+json", reused.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, json(reused.body()).get("status").asInt());
        assertEquals(400, post("{}").statusCode());
        assertEquals(400, post("not json").statusCode());
    }

    @Test
    void theSseFallbackResumesAlertsAndStatusChangesExactlyFromOneLastEventId() {
        String tenant = tenant();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + DevCredentials.tokenFor(tenant, Role.USER));
        List<String> published = new ArrayList<>();
        List<String> received = new ArrayList<>();
        String lastId;
        try (SseProbe stream = SseProbe.open(sse, bearer)) {
            assertEquals(200, stream.status());
            stream.next("heartbeat", WAIT);
            for (int i = 0; i < 6; i++) {
                published.add(publishCritical(tenant, i));
            }
            SseProbe.Event event = null;
            for (int i = 0; i < 3; i++) {
                event = stream.next(e -> e.id() != null, WAIT);
                received.add(marker(event));
            }
            lastId = event.id();
        }
        for (int i = 6; i < 10; i++) {
            published.add(publishCritical(tenant, i));
        }
        List<String> resumed = new ArrayList<>();
        try (SseProbe stream = SseProbe.open(sse, Map.of("Authorization", bearer.get("Authorization"),
                "Last-Event-ID", lastId))) {
            assertEquals(200, stream.status());
            while (received.size() + resumed.size() < published.size()) {
                resumed.add(marker(stream.next(e -> e.id() != null, WAIT)));
            }
            assertTrue(stream.next(e -> e.id() != null || "heartbeat".equals(e.name()), WAIT).id() == null,
                    "nothing more than what was missed");
        }
        List<String> all = new ArrayList<>(received);
        all.addAll(resumed);
        assertEquals(Set.copyOf(published), Set.copyOf(all), "every alert and status change, across both feeds");
        assertEquals(published.size(), all.size(), "each once");
        for (String feed : List.of("alert:", "status:")) {
            assertEquals(published.stream().filter(m -> m.startsWith(feed)).toList(),
                    all.stream().filter(m -> m.startsWith(feed)).toList(), "in order within " + feed);
        }
    }

    @Test
    void theSseFallbackRefusesAMissingTokenWithProblemDetails() {
        try (SseProbe stream = SseProbe.open(sse, Map.of())) {
            assertEquals(401, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("application/problem+json"));
            assertEquals(401, json(stream.body()).get("status").asInt());
        }
    }

    private static final Instant RUN = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /**
     * Alternates alerts and status changes of one rule and one machine (one partition each, so each feed's
     * order is the publishing order); a status change is told apart by its timestamp.
     */
    private static String publishCritical(String tenant, int i) {
        if (i % 2 == 0) {
            alert(tenant, new SensorAlert("crit-" + i, "r", "m-sse", "temperature", "critical", "hot", 90, 85,
                    Instant.now()));
            return "alert:crit-" + i;
        }
        Instant at = RUN.plusSeconds(i);
        status(tenant, new MachineStatus("m-sse", "healthy", "critical", at, "hot"));
        return "status:" + at;
    }

    private static String marker(SseProbe.Event event) {
        JsonNode data = json(event.data());
        return "alert".equals(event.name()) ? "alert:" + data.get("alert_id").asText()
                : "status:" + data.get("timestamp").asText();
    }

    private WebSocketProbe authenticated(String tenant) {
        WebSocketProbe client = WebSocketProbe.connect(ws());
        client.send(DevCredentials.tokenFor(tenant, Role.USER));
        return client;
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(refresh)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI ws() {
        return URI.create(webSocket.toString().replaceFirst("^http", "ws"));
    }

    private static String tenant() {
        return "hl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void reading(String tenant, SensorReading reading) {
        send(Topics.SENSOR_READINGS.name(), reading.machineId(), EventTypes.SENSOR_READING, tenant,
                Json.encode(reading));
    }

    private static void alert(String tenant, SensorAlert alert) {
        send(Topics.ALERTS_TRIGGERED.name(), alert.ruleId(), EventTypes.SENSOR_ALERT, tenant, Json.encode(alert));
    }

    private static void status(String tenant, MachineStatus status) {
        send(Topics.MACHINES_STATUS.name(), tenant + "/" + status.machineId(), EventTypes.MACHINE_STATUS, tenant,
                Json.encode(status));
    }

    private static void send(String topic, String key, String type, String tenant, byte[] value) {
        writer.send(topic, key, type, tenant, value);
    }
}
